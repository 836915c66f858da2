import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { contactSchema, type Contact } from '#shared/domain/contact';
import type { InterviewSummary } from '#shared/domain/interview';
import type { NoteSummary } from '#shared/domain/note';
import { openingSchema, type Opening, type OpeningSummary } from '#shared/domain/opening';
import { SavedSettingsProvider } from '#renderer/saved-settings';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { LinkNotices } from '#renderer/ui/LinkNotices';
import { emptyFields } from '#support/empty-fields';
import { ToastProvider } from '#renderer/ui/toast';

/** Stable ids that pass the contract's uuid check. */
export const ID = {
  opening: '11111111-1111-4111-8111-111111111111',
  opening2: '22222222-2222-4222-8222-222222222222',
  company: '33333333-3333-4333-8333-333333333333',
  interview: '44444444-4444-4444-8444-444444444444',
  contact: '55555555-5555-4555-8555-555555555555',
  contact2: '66666666-6666-4666-8666-666666666666',
  note: '77777777-7777-4777-8777-777777777777',
};

/** The contact's optional fields, all empty: a field added to contacts needs no change here. */
const EMPTY_CONTACT = emptyFields<Contact>(contactSchema);

/** The opening's optional fields, all empty. */
const EMPTY_OPENING = emptyFields<Opening>(openingSchema);

export function opening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: ID.opening,
    companyId: ID.company,
    companyName: 'Acme',
    role: 'Engineer',
    stage: 'applied',
    ...EMPTY_OPENING,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function summary(overrides: Partial<OpeningSummary> = {}): OpeningSummary {
  return { ...opening(overrides), interviewCount: 0, nextInterviewAt: null, lastInterviewAt: null, ...overrides };
}

export function interview(overrides: Partial<InterviewSummary> = {}): InterviewSummary {
  return {
    id: ID.interview,
    openingId: ID.opening,
    round: 1,
    title: null,
    cancelledAt: null,
    startsAt: '2026-03-05T13:00:00.000Z',
    endsAt: '2026-03-05T14:00:00.000Z',
    timeZone: 'Europe/Berlin',
    format: 'video',
    location: null,
    meetingUrl: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    role: 'Engineer',
    companyName: 'Acme',
    teamNames: [],
    debriefCompleted: false,
    ...overrides,
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    ...EMPTY_CONTACT,
    id: ID.contact,
    name: 'Dana Reyes',
    title: 'Engineering Manager',
    companyId: ID.company,
    companyName: 'Acme',
    email: 'dana@acme.example',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

export function note(overrides: Partial<NoteSummary> = {}): NoteSummary {
  return {
    id: ID.note,
    parentType: 'opening',
    parentId: ID.opening,
    title: 'Why this team',
    excerpt: '',
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

export const ok = (value: unknown) => ({ ok: true as const, value });
export const fail = (code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL', message: string, field?: string) => ({
  ok: false as const,
  error: { code, message, ...(field ? { field } : {}) },
});

/**
 * A screen as App mounts it: inside the toasts (with the notices of links not
 * opened) and the saved settings, the defaults unless a test saves others.
 */
export function renderWithToasts(ui: ReactElement, settings: Settings = DEFAULT_SETTINGS) {
  return render(
    <ToastProvider>
      <LinkNotices />
      <SavedSettingsProvider initial={settings}>{ui}</SavedSettingsProvider>
    </ToastProvider>,
  );
}
