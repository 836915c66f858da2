import { CONTACT_CHANNELS } from '#shared/domain/fields';
import { LETTER_KIND_LABELS, LETTER_KINDS, LETTER_STATUSES, type Letter, type LetterTemplate } from '#shared/domain/letter';
import type { DocNode } from '#shared/domain/note';
import { choice, createdAt, flag, id, instant, integer, json, reference, text, trashedAt, updatedAt } from './column';
import { interviewsTable } from './interviews';
import { openingsTable } from './openings';
import type { MarkdownFormat } from './formats';
import { sameFields, table, type Row } from './table';

/** A letter to one person: a thank-you note per interviewer, or the reply to a rejection. */
export const lettersTable = table(
  'letters',
  'l',
  {
    id: id(),
    kind: choice(LETTER_KINDS, LETTER_KIND_LABELS),
    status: choice(LETTER_STATUSES).defaultsTo('draft'),
    openingId: reference(),
    interviewId: reference().nullable(),
    contactId: reference().nullable(),
    // The recipient as they were when the letter was written.
    recipientName: text(),
    recipientTitle: text().nullable(),
    recipientEmail: text().nullable(),
    subject: text().defaultsTo('').editable(),
    doc: json<DocNode>().editable(),
    plainText: text().defaultsTo('').editable().notInRow(),
    /** 0 until the user first saves it: a draft never touched may be redrafted. */
    revision: integer().defaultsTo(0),
    startedAt: instant(),
    dueAt: instant(),
    sentAt: instant().nullable(),
    sentChannel: choice(CONTACT_CHANNELS).nullable(),
    mailBy: instant().nullable(),
    postedAt: instant().nullable(),
    templateId: reference().nullable().notInRow(),
    createdAt: createdAt().notInRow(),
    updatedAt: updatedAt(),
    deletedAt: trashedAt(),
  },
  {
    parents: [
      { column: 'openingId', table: () => openingsTable },
      // The interview is of the letter's own opening: only its own trash mark counts.
      { column: 'interviewId', table: () => interviewsTable, optional: true, ownTrashOnly: true },
      // A contact in the trash leaves the letter as it was written.
    ],
  },
);

/** The letter as the app sees it, less its opening's names (joined). */
sameFields<Row<typeof lettersTable>, Omit<Letter, 'role' | 'companyName'>>();

/** letters/*.md in the whole-vault export: `company` is its opening's, computed. */
export const letterMarkdown: MarkdownFormat<typeof lettersTable, 'company'> = {
  frontMatter: {
    id: 'id',
    kind: 'kind',
    recipientName: 'to',
    subject: 'subject',
    status: 'status',
    sentAt: 'sent',
    openingId: 'opening',
    interviewId: 'interview',
    company: 'company',
    createdAt: 'created',
    updatedAt: 'updated',
    contactId: null,
    recipientTitle: null,
    recipientEmail: null,
    doc: null,
    plainText: null,
    revision: null,
    startedAt: null,
    dueAt: null,
    sentChannel: null,
    mailBy: null,
    postedAt: null,
    templateId: null,
    deletedAt: null,
  },
};

/** The user's letter templates; the two built-ins are written on first use. */
export const letterTemplatesTable = table('letter_templates', 'lt', {
  id: id(),
  kind: choice(LETTER_KINDS),
  name: text().editable(),
  subject: text().defaultsTo('').editable(),
  doc: json<DocNode>().editable(),
  isDefault: flag().defaultsTo(0),
  builtIn: flag().defaultsTo(0),
  createdAt: createdAt().notInRow(),
  updatedAt: updatedAt(),
});

sameFields<Row<typeof letterTemplatesTable>, LetterTemplate>();
