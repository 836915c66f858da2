import type { Letter, LetterSummary, LetterTemplate } from '#shared/domain/letter';
import type { DocNode } from '#shared/domain/note';
import type { LetterDetail } from '#shared/ipc/channels/letters';
import { ids, makeDebrief, makeMember, makeOpening } from '../screen-fixtures';

export const letterIds = {
  ana: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  ben: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  reply: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  builtInThanks: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  builtInReply: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
  custom: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};

/** The interview (makeInterview) ends at 14:00 UTC on 3 March; the note is due a day later. */
export const INTERVIEW_END = '2026-03-03T14:00:00.000Z';
export const NOTE_DUE = '2026-03-04T14:00:00.000Z';
export const HOUR = 3_600_000;

export const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const prompt = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });
export const docOf = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

export function makeLetterSummary(overrides: Partial<LetterSummary> = {}): LetterSummary {
  return {
    id: letterIds.ana,
    kind: 'thank_you',
    status: 'draft',
    openingId: ids.opening,
    interviewId: ids.interview,
    contactId: ids.ana,
    recipientName: 'Ana Ruiz',
    recipientTitle: 'Head of Analytics',
    recipientEmail: 'ana@northwind.example',
    role: 'Senior Data Analyst',
    companyName: 'Northwind',
    subject: 'Thank you — Senior Data Analyst interview',
    startedAt: INTERVIEW_END,
    dueAt: NOTE_DUE,
    sentAt: null,
    sentChannel: null,
    mailBy: null,
    postedAt: null,
    updatedAt: INTERVIEW_END,
    ...overrides,
  };
}

export function makeLetter(overrides: Partial<Letter> = {}): Letter {
  return {
    ...makeLetterSummary(overrides),
    doc: docOf(paragraph('Dear Ana,'), paragraph('Thank you for the tour of the data platform.'), paragraph('Kind regards,')),
    revision: 1,
    ...overrides,
  };
}

export function makeLetterDetail(letter: Partial<Letter> = {}, overrides: Partial<LetterDetail> = {}): LetterDetail {
  return {
    letter: makeLetter(letter),
    opening: makeOpening({ role: 'Senior Data Analyst', companyName: 'Northwind' }),
    debrief: makeDebrief({ nextStep: 'Case study with the team', impressions: 'Calm, curious team', concerns: 'On-call rota', questions: 'Who owns the dashboards?', learned: 'They are moving to dbt' }),
    recipient: makeMember({ name: 'Ana Ruiz', title: 'Head of Analytics', email: 'ana@northwind.example' }),
    ...overrides,
  };
}

export function makeTemplate(overrides: Partial<LetterTemplate> = {}): LetterTemplate {
  return {
    id: letterIds.builtInThanks,
    kind: 'thank_you',
    name: 'Thank-you note',
    subject: 'Thank you — {{role}} interview',
    doc: docOf(paragraph('Dear {{firstName}},'), prompt('[Thank them for something specific.]')),
    isDefault: true,
    builtIn: true,
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
