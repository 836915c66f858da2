import { describe, expect, it } from 'vitest';
import { planReminders } from '#core/playbook/plan';
import type { InterviewFact, LetterFact, OpeningFact, PlaybookFacts, TouchpointFact } from '#core/playbook/facts';
import { NO_FACTS } from '#core/playbook/facts';
import { DEFAULT_PLAYBOOK, type PlaybookSettings } from '#shared/domain/playbook';

const ZONE = 'Europe/Berlin';

function opening(overrides: Partial<OpeningFact> = {}): OpeningFact {
  return { id: 'op1', role: 'Data Analyst', companyName: 'Northwind', stage: 'interviewing', stageChangedAt: '2026-03-01T10:00:00.000Z', notifyBy: null, followUpChannel: null, ...overrides };
}
function interview(overrides: Partial<InterviewFact> = {}): InterviewFact {
  return { id: 'iv1', openingId: 'op1', startsAt: '2026-03-10T09:00:00.000Z', endsAt: '2026-03-10T10:00:00.000Z', createdAt: '2026-03-05T12:00:00.000Z', debriefCompletedAt: null, ...overrides };
}
function letter(overrides: Partial<LetterFact> = {}): LetterFact {
  return { id: 'l1', kind: 'thank_you', openingId: 'op1', interviewId: 'iv1', recipientName: 'Ana Ruiz', startedAt: '2026-03-10T10:00:00.000Z', sentAt: null, mailBy: null, postedAt: null, ...overrides };
}
function followUp(at: string, overrides: Partial<TouchpointFact> = {}): TouchpointFact {
  return { openingId: 'op1', contactId: 'c1', direction: 'outbound', at, isFollowUp: true, ...overrides };
}
function plan(facts: Partial<PlaybookFacts>, now: string, settings: PlaybookSettings = DEFAULT_PLAYBOOK) {
  return planReminders({ ...NO_FACTS, ...facts }, settings, new Date(now), ZONE);
}
const ofKind = (items: ReturnType<typeof plan>, kind: string) => items.filter((item) => item.kind === kind);

describe('debrief', () => {
  it('is due when the interview ends and rings again three hours later', () => {
    const [item] = ofKind(plan({ openings: [opening()], interviews: [interview()] }, '2026-03-10T08:00:00Z'), 'debrief');
    expect(item).toMatchObject({ dueAt: '2026-03-10T10:00:00.000Z', alerts: ['2026-03-10T10:00:00.000Z', '2026-03-10T13:00:00.000Z'], target: { kind: 'interview', id: 'iv1' } });
  });

  it('disappears once the debrief is done, and for closed openings', () => {
    expect(ofKind(plan({ openings: [opening()], interviews: [interview({ debriefCompletedAt: '2026-03-10T11:00:00Z' })] }, '2026-03-10T12:00:00Z'), 'debrief')).toEqual([]);
    expect(ofKind(plan({ openings: [opening({ stage: 'withdrawn' })], interviews: [interview()] }, '2026-03-10T12:00:00Z'), 'debrief')).toEqual([]);
  });

  it('follows the settings', () => {
    const settings = { ...DEFAULT_PLAYBOOK, debriefFirstReminderHours: 1, debriefRepeatHours: 6 };
    const [item] = ofKind(plan({ openings: [opening()], interviews: [interview()] }, '2026-03-10T08:00:00Z', settings), 'debrief');
    expect(item!.alerts).toEqual(['2026-03-10T11:00:00.000Z', '2026-03-10T17:00:00.000Z']);
  });
});

describe('thank-you notes', () => {
  it('nudges at +2 h, warns at +20 h and is overdue at +24 h after the interview ends', () => {
    const [item] = ofKind(plan({ openings: [opening()], letters: [letter()] }, '2026-03-10T10:00:00Z'), 'thank_you');
    expect(item).toMatchObject({
      title: 'Thank Ana Ruiz for the Data Analyst interview',
      dueAt: '2026-03-10T10:00:00.000Z',
      deadlineAt: '2026-03-11T10:00:00.000Z',
      alerts: ['2026-03-10T12:00:00.000Z', '2026-03-11T06:00:00.000Z', '2026-03-11T10:00:00.000Z'],
    });
  });

  it('keeps 24 hours absolute across a DST change', () => {
    // Berlin moves clocks forward at 01:00 UTC on 2026-03-29: the wall clock shows 25 h later, the deadline is still 24 h.
    const [item] = ofKind(plan({ openings: [opening()], letters: [letter({ startedAt: '2026-03-28T17:00:00.000Z' })] }, '2026-03-28T17:00:00Z'), 'thank_you');
    expect(Date.parse(item!.deadlineAt!) - Date.parse('2026-03-28T17:00:00.000Z')).toBe(24 * 3_600_000);
  });

  it('stops once the note is sent', () => {
    expect(ofKind(plan({ openings: [opening()], letters: [letter({ sentAt: '2026-03-10T15:00:00Z' })] }, '2026-03-10T16:00:00Z'), 'thank_you')).toEqual([]);
  });

  it('gives a reply to a rejection its own 24 h clock', () => {
    const [item] = ofKind(plan({ openings: [opening({ stage: 'rejected' })], letters: [letter({ kind: 'rejection', interviewId: null, startedAt: '2026-04-01T08:00:00.000Z' })] }, '2026-04-01T08:00:00Z'), 'rejection_thank_you');
    expect(item).toMatchObject({ title: 'Reply graciously to Northwind', deadlineAt: '2026-04-02T08:00:00.000Z' });
  });

  it('reminds to post the handwritten letter a day before its mail-by time', () => {
    const [item] = ofKind(plan({ openings: [opening()], letters: [letter({ sentAt: '2026-03-10T12:00:00Z', mailBy: '2026-03-12T10:00:00.000Z' })] }, '2026-03-10T12:00:00Z'), 'letter_mail');
    expect(item).toMatchObject({ dueAt: '2026-03-11T10:00:00.000Z', deadlineAt: '2026-03-12T10:00:00.000Z', channel: 'letter' });
    expect(ofKind(plan({ openings: [opening()], letters: [letter({ mailBy: '2026-03-12T10:00:00Z', postedAt: '2026-03-11T09:00:00Z' })] }, '2026-03-11T12:00:00Z'), 'letter_mail')).toEqual([]);
  });
});

describe('follow-ups', () => {
  const base = { openings: [opening()], interviews: [interview()] };

  it('come 7 days after the last interview when no date was promised', () => {
    const [item] = ofKind(plan(base, '2026-03-11T00:00:00Z'), 'follow_up');
    expect(item).toMatchObject({ dueAt: '2026-03-17T10:00:00.000Z', channel: 'email' });
  });

  it('come the morning after the promised notification date, on the preferred channel', () => {
    const facts = { ...base, openings: [opening({ notifyBy: '2026-03-20', followUpChannel: 'phone' as const })] };
    const [item] = ofKind(plan(facts, '2026-03-11T00:00:00Z'), 'follow_up');
    expect(item).toMatchObject({ dueAt: '2026-03-21T08:00:00.000Z', channel: 'phone' });
    expect(item!.detail).toContain('2026-03-20');
  });

  it('wait out the cooldown after an unanswered follow-up', () => {
    const [item] = ofKind(plan({ ...base, touchpoints: [followUp('2026-03-17T11:00:00.000Z')] }, '2026-03-18T00:00:00Z'), 'follow_up');
    expect(item!.dueAt).toBe('2026-03-22T11:00:00.000Z');
    expect(item!.detail).toMatch(/No answer to your follow-up yet/);
  });

  it('stop at the unanswered limit and suggest moving on 14 days after the last one', () => {
    const touchpoints = [followUp('2026-03-17T11:00:00.000Z'), followUp('2026-03-22T11:00:00.000Z'), followUp('2026-03-27T11:00:00.000Z')];
    const items = plan({ ...base, touchpoints }, '2026-03-28T00:00:00Z');
    expect(ofKind(items, 'follow_up')).toEqual([]);
    expect(ofKind(items, 'move_on')[0]).toMatchObject({ dueAt: '2026-04-10T11:00:00.000Z', target: { kind: 'opening', id: 'op1' } });
  });

  it('start over when the employer answers', () => {
    const touchpoints = [followUp('2026-03-17T11:00:00.000Z'), followUp('2026-03-22T11:00:00.000Z'), followUp('2026-03-23T09:00:00.000Z', { direction: 'inbound', isFollowUp: false })];
    const [item] = ofKind(plan({ ...base, touchpoints }, '2026-03-24T00:00:00Z'), 'follow_up');
    expect(item!.dueAt).toBe('2026-03-30T09:00:00.000Z');
    expect(ofKind(plan({ ...base, touchpoints }, '2026-03-24T00:00:00Z'), 'move_on')).toEqual([]);
  });

  it('are not suggested before any interview happened, nor for closed or dormant openings', () => {
    expect(ofKind(plan({ openings: [opening()], interviews: [interview()] }, '2026-03-09T00:00:00Z'), 'follow_up')).toEqual([]);
    expect(ofKind(plan({ ...base, openings: [opening({ stage: 'rejected' })] }, '2026-03-11T00:00:00Z'), 'follow_up')).toEqual([]);
    expect(ofKind(plan({ ...base, openings: [opening({ stage: 'dormant' })] }, '2026-03-11T00:00:00Z'), 'follow_up')).toEqual([]);
  });
});

describe('after the process', () => {
  it('revisits a dormant opening six months later, in the morning', () => {
    const [item] = ofKind(plan({ openings: [opening({ stage: 'dormant', stageChangedAt: '2026-04-10T15:00:00.000Z' })] }, '2026-04-10T15:00:00Z'), 'revisit');
    expect(item!.dueAt).toBe('2026-10-10T07:00:00.000Z');
  });

  it('stays in touch after a rejection every 90 days, three times', () => {
    const facts = {
      openings: [opening({ stage: 'rejected' as const, stageChangedAt: '2026-04-01T10:00:00.000Z' })],
      openingContacts: [{ openingId: 'op1', contactId: 'c1', name: 'Ana Ruiz', preferredChannel: 'email' as const, linkedinConnectedAt: null }],
    };
    expect(ofKind(plan(facts, '2026-04-01T10:00:00Z'), 'stay_in_touch')[0]!.dueAt).toBe('2026-06-30T10:00:00.000Z');
    const twice = [followUp('2026-06-30T12:00:00.000Z', { isFollowUp: false }), followUp('2026-09-28T12:00:00.000Z', { isFollowUp: false })];
    expect(ofKind(plan({ ...facts, touchpoints: twice }, '2026-10-01T10:00:00Z'), 'stay_in_touch')[0]!.dueAt).toBe('2026-12-27T10:00:00.000Z');
    const thrice = [...twice, followUp('2026-12-28T12:00:00.000Z', { isFollowUp: false })];
    expect(ofKind(plan({ ...facts, touchpoints: thrice }, '2027-01-01T10:00:00Z'), 'stay_in_touch')).toEqual([]);
  });

  it('suggests connecting on LinkedIn once the process closes, unless the hold is off', () => {
    const facts = {
      openings: [opening({ stage: 'accepted' as const })],
      openingContacts: [{ openingId: 'op1', contactId: 'c1', name: 'Ana Ruiz', preferredChannel: null, linkedinConnectedAt: null }],
    };
    expect(ofKind(plan(facts, '2026-04-01T10:00:00Z'), 'linkedin_connect')).toHaveLength(1);
    expect(ofKind(plan({ ...facts, openings: [opening()] }, '2026-04-01T10:00:00Z'), 'linkedin_connect')).toEqual([]);
    expect(ofKind(plan(facts, '2026-04-01T10:00:00Z', { ...DEFAULT_PLAYBOOK, linkedInHold: false }), 'linkedin_connect')).toEqual([]);
  });
});

describe('references', () => {
  const reference = (overrides = {}) => ({ referenceId: 'r1', name: 'Sam Lee', openingId: 'op1', permission: 'granted' as const, briefedAt: null, thankedAt: null, ...overrides });

  it('warns when an interviewing opening has fewer than two granted references', () => {
    const [item] = ofKind(plan({ openings: [opening()], references: [reference()] }, '2026-03-02T00:00:00Z'), 'references_low');
    expect(item!.detail).toMatch(/1 of 2/);
    expect(ofKind(plan({ openings: [opening()], references: [reference(), reference({ referenceId: 'r2' })] }, '2026-03-02T00:00:00Z'), 'references_low')).toEqual([]);
  });

  it('asks to brief each granted reference once an interview is booked, before it starts', () => {
    const [item] = ofKind(plan({ openings: [opening()], interviews: [interview()], references: [reference(), reference({ referenceId: 'r2', permission: 'asked' })] }, '2026-03-06T00:00:00Z'), 'reference_brief');
    expect(item).toMatchObject({ dueAt: '2026-03-05T12:00:00.000Z', deadlineAt: '2026-03-10T09:00:00.000Z', target: { kind: 'reference', id: 'r1' } });
    expect(ofKind(plan({ openings: [opening()], interviews: [interview()], references: [reference({ briefedAt: '2026-03-06T00:00:00Z' })] }, '2026-03-07T00:00:00Z'), 'reference_brief')).toEqual([]);
  });

  it('reminds to thank references when the process ends', () => {
    expect(ofKind(plan({ openings: [opening({ stage: 'rejected' })], references: [reference()] }, '2026-04-01T00:00:00Z'), 'reference_thanks')).toHaveLength(1);
  });
});

describe('the plan', () => {
  it('is sorted by due time with keys unique and alerts never before due', () => {
    const items = plan({ openings: [opening()], interviews: [interview()], letters: [letter()] }, '2026-03-11T00:00:00Z');
    expect(items.map((item) => item.dueAt)).toEqual([...items.map((item) => item.dueAt)].sort());
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    for (const item of items) expect(item.alerts.every((alert) => alert >= item.dueAt)).toBe(true);
  });
});
