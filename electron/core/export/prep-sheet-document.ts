import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { INTERVIEW_FORMAT_LABELS } from '#shared/domain/interview';
import { LETTER_KIND_LABELS } from '#shared/domain/letter';
import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';
import { STAGE_LABELS, type Opening } from '#shared/domain/opening';
import { REFERENCE_PERMISSION_LABELS } from '#shared/domain/reference';
import { touchpointLabel } from '#shared/domain/touchpoint';
import { listed, readable } from '../vault/tables/formats';
import { openingFormats, openingsTable } from '../vault/tables/openings';
import { longDate } from '../letters/drafts';
import type { ExportableDocument } from './document-export';
import { interviewName, type PrepSheet, type PrepSheetInterview, type OpenItem } from './prep-sheet';

type Inline = DocNode;

const text = (value: string, marks?: string[]): Inline => ({ type: 'text', text: value, ...(marks?.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const bold = (value: string) => text(value, ['bold']);
/** A link only when the app would open it; otherwise the address as plain text. */
const link = (label: string, href: string): Inline => (isSafeExternalUrl(href) ? { type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] } : text(label));
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: value ? [text(value)] : [] });
const paragraph = (...content: Inline[]): DocNode => ({ type: 'paragraph', content: content.filter((node) => node.text !== '') });
const bullets = (items: Inline[][]): DocNode => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })) });
/** Text typed in a plain field, its line breaks kept. */
const multiline = (value: string): Inline[] =>
  value
    .trim()
    .split(/\r?\n/)
    .flatMap((line, index) => (index === 0 ? [text(line)] : [{ type: 'hardBreak' }, text(line)]));
const fact = (label: string, ...value: Inline[]): Inline[] => [bold(`${label}: `), ...value];

/** "12 March 2026" for a calendar date (no zone: it is the same day everywhere). */
const calendarDate = (date: string) => longDate(`${date}T12:00:00Z`, 'UTC');
const time = (instant: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(instant));

/** The opening's facts as the prep sheet lists them, in its order, as its declaration says (tables/openings.ts). */
const PREP_SHEET_FACTS = listed(openingsTable, openingFormats.prepSheet);

/** A fact's value as the sheet shows it: a date in words, a link, a choice by its label; null when not set. */
function factValue(opening: Opening, { key, column, as }: (typeof PREP_SHEET_FACTS)[number]): Inline | null {
  const value = as.text ? as.text(opening) : column.nameAs ? opening[column.nameAs as keyof Opening] : opening[key];
  if (value == null || value === '') return null;
  if (column.meaning === 'url') return link(String(value), String(value));
  if (column.meaning === 'date') return text(calendarDate(String(value)));
  return text(String(readable(column, value)));
}

/** One section of the opening's facts: 'job' lists what is set; 'process' also what is not known yet, to ask about. */
function openingFacts(opening: Opening, section: 'job' | 'process'): Inline[][] {
  const facts: Inline[][] = [];
  for (const listedFact of PREP_SHEET_FACTS) {
    if (listedFact.as.section !== section) continue;
    const value = factValue(opening, listedFact);
    if (value) facts.push(fact(listedFact.as.label, value));
    else if (section === 'process') facts.push(fact(listedFact.as.label, text('not known yet')));
  }
  return facts;
}

/** The note's own headings sit below the heading that carries its title. */
function shiftHeadings(node: DocNode, by: number): DocNode {
  const copy: DocNode = { ...node };
  if (node.type === 'heading') copy.attrs = { ...node.attrs, level: Math.min(6, (Number(node.attrs?.level) || 2) + by) };
  if (node.content) copy.content = node.content.map((child) => shiftHeadings(child, by));
  return copy;
}

function notesAt(level: number, notes: PrepSheet['notes']): DocNode[] {
  return notes.flatMap((note) => [
    heading(level, note.title.trim() || 'Untitled note'),
    paragraph(text(`Last edited ${longDate(note.updatedAt)}`, ['italic'])),
    ...(shiftHeadings(note.doc, level).content ?? []).filter((block) => block.type !== 'paragraph' || (block.content?.length ?? 0) > 0),
  ]);
}

function openItems(items: OpenItem[], none: string): DocNode {
  return items.length === 0 ? paragraph(text(none, ['italic'])) : bullets(items.map((item) => [text(item.text), text(` (${item.from})`, ['italic'])]));
}

function interviewSection({ interview, team, debrief, notes }: PrepSheetInterview): DocNode[] {
  const zone = interview.timeZone;
  const when = `${longDate(interview.startsAt, zone)}, ${time(interview.startsAt, zone)}–${time(interview.endsAt, zone)} (${zone})`;
  const where: Inline[] = [text(INTERVIEW_FORMAT_LABELS[interview.format])];
  if (interview.location) where.push(text(` · ${interview.location}`));
  if (interview.meetingUrl) where.push(text(' · '), link(interview.meetingUrl, interview.meetingUrl));
  const blocks: DocNode[] = [heading(3, interviewName(interview)), bullets([fact('When', text(when)), fact('Format', ...where)])];

  blocks.push(heading(4, 'Interview team'));
  blocks.push(
    team.length === 0
      ? paragraph(text('No one recorded.', ['italic']))
      : bullets(
          team.map((member) => {
            const details = [member.title, member.email, member.preferredChannel ? `prefers ${CONTACT_CHANNEL_LABELS[member.preferredChannel]}` : null, member.cardCollected ? 'card collected' : null].filter(Boolean);
            return [bold(member.name), ...(details.length ? [text(` — ${details.join(' · ')}`)] : [])];
          }),
        ),
  );

  blocks.push(heading(4, debrief.completedAt ? `Debrief (done ${longDate(debrief.completedAt)})` : 'Debrief'));
  const answers: [string, string][] = [
    ['Impressions', debrief.impressions],
    ['What you learned', debrief.learned],
    ['Concerns', debrief.concerns],
    ['Open questions', debrief.questions],
  ];
  const facts: Inline[][] = [];
  facts.push(fact('Next step', text(debrief.nextStep.trim() || (debrief.nextStepClear ? 'clear' : 'not clear yet'))));
  if (debrief.notifyBy) facts.push(fact('They will let you know by', text(calendarDate(debrief.notifyBy))));
  if (debrief.fillBy) facts.push(fact('They aim to fill the role by', text(calendarDate(debrief.fillBy))));
  facts.push(fact('Business cards', text(debrief.cardsCollected ? 'collected' : 'not collected')));
  blocks.push(bullets(facts));
  for (const [label, value] of answers) if (value.trim()) blocks.push(paragraph(bold(`${label}: `), ...multiline(value)));
  if (!debrief.completedAt && answers.every(([, value]) => !value.trim())) blocks.push(paragraph(text('Not filled in yet.', ['italic'])));

  if (notes.length > 0) blocks.push(heading(4, 'Notes'), ...notesAt(5, notes));
  return blocks;
}

/** The posting's own paragraphs (blank lines apart), then when it was kept. */
function postingSection(posting: PrepSheet['posting']): DocNode[] {
  if (!posting) return [paragraph(text('No posting kept. Paste it on the opening’s page while it is still online: it usually goes once the role is filled.', ['italic']))];
  const paragraphs = posting.text.split(/\n\s*\n/).filter((part) => part.trim());
  return [...paragraphs.map((part) => paragraph(...multiline(part.trim()))), paragraph(text(`Kept on ${longDate(posting.savedAt)}.`, ['italic']))];
}

/**
 * The next-round prep sheet: what to ask and settle first, then the opening's
 * facts, every interview with its team and debrief, the notes in full, the
 * company and its research, who was contacted when, and the references.
 */
export function prepSheetDocument(sheet: PrepSheet, now: Date): ExportableDocument {
  const { opening } = sheet;
  const body: DocNode[] = [];

  body.push(heading(2, 'To ask and to settle'), heading(3, 'Open questions'), openItems(sheet.questions, 'No open questions in the debriefs.'));
  body.push(heading(3, 'Concerns'), openItems(sheet.concerns, 'No concerns in the debriefs.'));

  body.push(heading(2, 'The opening'), bullets(openingFacts(opening, 'job')));
  body.push(heading(3, 'Hiring process'), bullets(openingFacts(opening, 'process')));
  body.push(heading(3, 'The job posting'), ...postingSection(sheet.posting));

  body.push(heading(2, 'Interviews'));
  if (sheet.interviews.length === 0) body.push(paragraph(text('No interviews logged yet.', ['italic'])));
  for (const interview of sheet.interviews) body.push(...interviewSection(interview));

  body.push(heading(2, 'Notes'));
  body.push(...(sheet.notes.length === 0 ? [paragraph(text('No notes on this opening yet.', ['italic']))] : notesAt(3, sheet.notes)));

  body.push(heading(2, `The company: ${opening.companyName}`));
  if (sheet.company?.website) body.push(paragraph(bold('Website: '), link(sheet.company.website, sheet.company.website)));
  body.push(heading(3, 'Research log'));
  body.push(
    sheet.research.length === 0
      ? paragraph(text('Nothing in the research log yet.', ['italic']))
      : bullets(
          sheet.research.map((entry) => [
            text(`${calendarDate(entry.occurredOn)} — `),
            entry.sourceUrl ? link(entry.title, entry.sourceUrl) : bold(entry.title),
            ...(entry.summary.trim() ? [text(': '), ...multiline(entry.summary)] : []),
          ]),
        ),
  );
  if (sheet.companyNotes.length > 0) body.push(heading(3, 'Notes on the company'), ...notesAt(4, sheet.companyNotes));

  body.push(heading(2, 'People'));
  body.push(
    sheet.people.length === 0
      ? paragraph(text('No one yet.', ['italic']))
      : bullets(
          sheet.people.map((person) => {
            const details = [person.title, person.email, person.phone, person.preferredChannel ? `prefers ${CONTACT_CHANNEL_LABELS[person.preferredChannel]}` : null].filter(Boolean);
            return [bold(person.name), ...(details.length ? [text(` — ${details.join(' · ')}`)] : [])];
          }),
        ),
  );

  body.push(heading(2, 'Touchpoints'));
  body.push(
    sheet.touchpoints.length === 0
      ? paragraph(text('No touchpoints logged yet.', ['italic']))
      : bullets(
          sheet.touchpoints.map((touch) => {
            const who = touch.contactName ? (touch.direction === 'outbound' ? `you to ${touch.contactName}` : `${touch.contactName} to you`) : touch.direction === 'outbound' ? 'you to them' : 'them to you';
            // An "other" touchpoint is named by its channel already: "E-mail", not "E-mail · … · Other".
            const channel = touch.kind === 'other' ? '' : `${CONTACT_CHANNEL_LABELS[touch.channel]} · `;
            return [
              text(`${longDate(touch.occurredAt)} · ${channel}${who} · `),
              bold(touchpointLabel(touch)),
              ...(touch.summary.trim() ? [text(': '), ...multiline(touch.summary)] : []),
            ];
          }),
        ),
  );

  body.push(heading(2, 'Letters'));
  body.push(
    sheet.letters.length === 0
      ? paragraph(text('No letters yet.', ['italic']))
      : bullets(
          sheet.letters.map((letter) => [
            bold(`${LETTER_KIND_LABELS[letter.kind]} to ${letter.recipientName}`),
            text(letter.sentAt ? ` — sent ${longDate(letter.sentAt)}` : ` — ${letter.status === 'ready' ? 'ready, not sent' : 'draft'}, due ${longDate(letter.dueAt)}`),
          ]),
        ),
  );

  body.push(heading(2, 'References'));
  body.push(
    sheet.references.length === 0
      ? paragraph(text('No references chosen for this opening yet.', ['italic']))
      : bullets(
          sheet.references.map(({ reference, use }) => {
            const details = [
              reference.relationship,
              REFERENCE_PERMISSION_LABELS[reference.permission],
              use.briefedAt ? `brief sent ${longDate(use.briefedAt)}` : 'brief not sent',
              use.thankedAt ? `thanked ${longDate(use.thankedAt)}` : null,
              reference.email,
              reference.phone,
            ].filter(Boolean);
            return [bold(reference.name), text(` — ${details.join(' · ')}`)];
          }),
        ),
  );

  return {
    fileStem: `Prep sheet - ${opening.role} - ${opening.companyName}`,
    title: `Prep sheet: ${opening.role} at ${opening.companyName}`,
    subtitle: [`${STAGE_LABELS[opening.stage]} · made ${longDate(now)}`],
    body: { type: 'doc', content: body },
  };
}
