import type { Company, ResearchEntry } from '#shared/domain/company';
import type { Contact } from '#shared/domain/contact';
import type { Debrief, Interview, TeamMember } from '#shared/domain/interview';
import type { LetterSummary } from '#shared/domain/letter';
import type { Note } from '#shared/domain/note';
import type { Opening, Posting } from '#shared/domain/opening';
import type { Reference, ReferenceUse } from '#shared/domain/reference';
import type { TouchpointView } from '#shared/domain/touchpoint';
import type { Services } from '../services';

export interface PrepSheetInterview {
  interview: Interview;
  team: TeamMember[];
  debrief: Debrief;
  notes: Note[];
}

/** A question or concern still on the table, and the interview (or note) it came from. */
export interface OpenItem {
  text: string;
  from: string;
}

/** Everything the vault knows about one opening, gathered for the next-round prep sheet. */
export interface PrepSheet {
  opening: Opening;
  /** The job posting as pasted, or null when none was kept. */
  posting: Posting | null;
  company: Company | null;
  /** Newest first. */
  research: ResearchEntry[];
  /** The company's contacts and everyone on an interview team. */
  people: Contact[];
  /** Oldest first: the order the story happened in. */
  interviews: PrepSheetInterview[];
  /** The opening's own notes, then the company's, in full. */
  notes: Note[];
  companyNotes: Note[];
  /** Newest first. */
  touchpoints: TouchpointView[];
  references: { reference: Reference; use: ReferenceUse }[];
  letters: LetterSummary[];
  /** From every debrief, latest interview first: what to ask and what to settle next time. */
  questions: OpenItem[];
  concerns: OpenItem[];
}

export type PrepSheetSources = Pick<Services, 'openings' | 'companies' | 'research' | 'contacts' | 'interviews' | 'notes' | 'touchpoints' | 'references' | 'letters'>;

/** A debrief field as separate items: one per line, bullets and blank lines dropped. */
function itemsOf(text: string, from: string): OpenItem[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
    .map((line) => ({ text: line, from }));
}

export function interviewName(interview: Pick<Interview, 'round' | 'title'>): string {
  return interview.title ? `Round ${interview.round}: ${interview.title}` : `Round ${interview.round}`;
}

/** Reads the opening and all that hangs from it; NOT_FOUND when the opening is unknown or in the trash. */
export function gatherPrepSheet(sources: PrepSheetSources, openingId: string): PrepSheet {
  const { openings, companies, research, contacts, interviews, notes, touchpoints, references, letters } = sources;
  const opening = openings.require(openingId);
  const fullNotes = (parentType: 'opening' | 'interview' | 'company', parentId: string): Note[] =>
    notes
      .summariesOf(parentType, parentId)
      .map((summary) => notes.get(summary.id))
      // Oldest first, as they were written.
      .reverse();
  const interviewList = interviews.summariesOfOpening(openingId).map(
    (summary): PrepSheetInterview => ({
      interview: interviews.require(summary.id),
      team: interviews.team(summary.id),
      debrief: interviews.debrief(summary.id),
      notes: fullNotes('interview', summary.id),
    }),
  );
  const latestFirst = [...interviewList].reverse();
  return {
    opening,
    posting: openings.posting(openingId),
    company: companies.get(opening.companyId) ?? null,
    research: research.listOfCompany(opening.companyId),
    people: contacts.listOfOpening(openingId, opening.companyId),
    interviews: interviewList,
    notes: fullNotes('opening', openingId),
    companyNotes: fullNotes('company', opening.companyId),
    touchpoints: touchpoints.views({ openingId }),
    references: references.list({ openingId }).map(({ uses, ...reference }) => ({ reference, use: uses.find((use) => use.openingId === openingId)! })),
    letters: letters.list({ openingId }),
    questions: latestFirst.flatMap(({ interview, debrief }) => itemsOf(debrief.questions, interviewName(interview))),
    concerns: latestFirst.flatMap(({ interview, debrief }) => itemsOf(debrief.concerns, interviewName(interview))),
  };
}
