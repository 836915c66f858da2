import type { Company, ResearchEntry } from '#shared/domain/company';
import { contactSchema, type Contact } from '#shared/domain/contact';
import type { Debrief, Interview, TeamMember } from '#shared/domain/interview';
import { openingSchema, type Opening } from '#shared/domain/opening';
import { emptyFields } from '#support/empty-fields';
import type { Envelope } from '#shared/ipc/errors';

/** Ids the contract accepts (RFC 4122 v4). */
export const ids = {
  interview: '11111111-1111-4111-8111-111111111111',
  opening: '22222222-2222-4222-8222-222222222222',
  company: '33333333-3333-4333-8333-333333333333',
  ana: '44444444-4444-4444-8444-444444444444',
  ben: '55555555-5555-4555-8555-555555555555',
  cleo: '66666666-6666-4666-8666-666666666666',
  card: '77777777-7777-4777-8777-777777777777',
  research: '88888888-8888-4888-8888-888888888888',
  research2: '99999999-9999-4999-8999-999999999999',
};

const stamp = '2026-03-01T10:00:00.000Z';

export const ok = <T,>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT', message: string, field?: string): Envelope<never> => ({ ok: false, error: { code, message, field } });

export { renderWithToasts } from './fixtures';

export function makeOpening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: ids.opening, companyId: ids.company, companyName: 'Globex', role: 'Data Engineer', stage: 'interviewing',
    ...emptyFields<Opening>(openingSchema), createdAt: stamp, updatedAt: stamp,
    ...overrides,
  };
}

export function makeInterview(overrides: Partial<Interview> = {}): Interview {
  return {
    id: ids.interview, openingId: ids.opening, round: 2, title: 'Technical interview',
    startsAt: '2026-03-03T13:00:00.000Z', endsAt: '2026-03-03T14:00:00.000Z', timeZone: 'Europe/Berlin',
    format: 'video', location: null, meetingUrl: 'https://meet.example.com/abc', cancelledAt: null, createdAt: stamp, updatedAt: stamp,
    ...overrides,
  };
}

export function makeMember(overrides: Partial<TeamMember> = {}): TeamMember {
  return { contactId: ids.ana, name: 'Ana Lima', title: 'Team lead', email: 'ana@globex.example', preferredChannel: null, cardCollected: false, ...overrides };
}

export function makeDebrief(overrides: Partial<Debrief> = {}): Debrief {
  return {
    nextStepClear: false, nextStep: '', notifyBy: null, fillBy: null, cardsCollected: false,
    impressions: '', concerns: '', questions: '', learned: '', completedAt: null,
    ...overrides,
  };
}

export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return {
    ...emptyFields<Contact>(contactSchema), id: ids.ana, name: 'Ana Lima', title: 'Team lead', companyId: ids.company, companyName: 'Globex',
    email: 'ana@globex.example', createdAt: stamp, updatedAt: stamp,
    ...overrides,
  };
}

export function makeCompany(overrides: Partial<Company> = {}): Company {
  return { id: ids.company, name: 'Globex', website: 'https://globex.example', openingCount: 1, contactCount: 2, ...overrides };
}

export function makeResearch(overrides: Partial<ResearchEntry> = {}): ResearchEntry {
  return {
    id: ids.research, companyId: ids.company, occurredOn: '2026-02-20', title: 'Opened a Lisbon office',
    sourceUrl: 'https://news.example/globex-lisbon', summary: 'Hiring 40 engineers this year.', createdAt: stamp, updatedAt: stamp,
    ...overrides,
  };
}

/** The inputs a fake transport received on one channel, oldest first. */
export function inputsOf(invoke: { mock: { calls: unknown[][] } }, channel: string): unknown[] {
  return invoke.mock.calls.filter((args) => args[0] === channel).map((args) => args[1]);
}
