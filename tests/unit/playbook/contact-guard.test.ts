import { describe, expect, it } from 'vitest';
import { checkContact, linkedInHoldOf, type GuardInput, type GuardTouchpoint } from '#core/playbook/contact-guard';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';

const interviewEnd = '2026-03-02T11:00:00.000Z';
const outbound = (occurredAt: string, kind: GuardTouchpoint['kind'] = 'follow_up'): GuardTouchpoint => ({ direction: 'outbound', kind, occurredAt });
const inbound = (occurredAt: string): GuardTouchpoint => ({ direction: 'inbound', kind: 'other', occurredAt });

function check(overrides: Partial<GuardInput> & { at: string }) {
  const { at, ...rest } = overrides;
  return checkContact({
    stage: 'interviewing',
    touchpoints: [],
    lastInterviewEnd: interviewEnd,
    intent: { direction: 'outbound', kind: 'follow_up' },
    settings: DEFAULT_PLAYBOOK,
    now: new Date(at),
    ...rest,
  });
}

describe('the contact-frequency guard', () => {
  it('says nothing about a first follow-up', () => {
    expect(check({ at: '2026-03-10T09:00:00.000Z' })).toEqual([]);
  });

  it('warns within the cooldown since the last outbound touch, and says from when contact is reasonable', () => {
    const touchpoints = [outbound('2026-03-10T09:00:00.000Z')];
    const [warning, ...rest] = check({ touchpoints, at: '2026-03-12T15:00:00.000Z' });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'cooldown', reasonableFrom: '2026-03-15T09:00:00.000Z' });
    expect(warning!.message).toMatch(/2 days ago.*5 days/);
    // A thank-you note counts as reaching out too.
    expect(check({ touchpoints: [outbound('2026-03-12T09:00:00.000Z', 'thank_you')], at: '2026-03-12T15:00:00.000Z' })[0]!.message).toMatch(/earlier today/);
  });

  it('is quiet once the cooldown has passed, and follows the setting', () => {
    const touchpoints = [outbound('2026-03-10T09:00:00.000Z')];
    expect(check({ touchpoints, at: '2026-03-15T09:00:00.000Z' })).toEqual([]);
    const longer = check({ touchpoints, at: '2026-03-15T09:00:00.000Z', settings: { ...DEFAULT_PLAYBOOK, followUpCooldownDays: 7 } });
    expect(longer).toMatchObject([{ code: 'cooldown', reasonableFrom: '2026-03-17T09:00:00.000Z' }]);
  });

  it('ignores inbound touches and what the user is told (inbound intent)', () => {
    expect(check({ touchpoints: [inbound('2026-03-12T09:00:00.000Z')], at: '2026-03-12T10:00:00.000Z' })).toEqual([]);
    expect(check({ touchpoints: [outbound('2026-03-12T09:00:00.000Z')], intent: { direction: 'inbound', kind: 'other' }, at: '2026-03-12T10:00:00.000Z' })).toEqual([]);
  });

  it('warns at the limit of unanswered follow-ups, not below it', () => {
    const two = [outbound('2026-03-09T09:00:00.000Z'), outbound('2026-03-14T09:00:00.000Z')];
    expect(check({ touchpoints: two, at: '2026-03-20T09:00:00.000Z' })).toEqual([]);
    const three = [...two, outbound('2026-03-19T09:00:00.000Z')];
    expect(check({ touchpoints: three, at: '2026-03-25T09:00:00.000Z' })).toMatchObject([{ code: 'too_many_unanswered', reasonableFrom: null }]);
    // Only follow-ups are limited: a stay-in-touch note is not.
    expect(check({ touchpoints: three, intent: { direction: 'outbound', kind: 'stay_in_touch' }, at: '2026-03-25T09:00:00.000Z' })).toEqual([]);
  });

  it('starts counting again after they answer or after a later interview', () => {
    const three = [outbound('2026-03-09T09:00:00.000Z'), outbound('2026-03-14T09:00:00.000Z'), outbound('2026-03-19T09:00:00.000Z')];
    expect(check({ touchpoints: [...three, inbound('2026-03-20T09:00:00.000Z')], at: '2026-03-25T09:00:00.000Z' })).toEqual([]);
    expect(check({ touchpoints: three, lastInterviewEnd: '2026-03-20T12:00:00.000Z', at: '2026-03-25T09:00:00.000Z' })).toEqual([]);
  });

  it('holds LinkedIn invitations while the opening is active and the hold is on', () => {
    const invite = { direction: 'outbound', kind: 'linkedin_invite' } as const;
    expect(check({ intent: invite, at: '2026-03-12T09:00:00.000Z' })).toMatchObject([{ code: 'linkedin_hold', reasonableFrom: null }]);
    for (const stage of ['applied', 'offer']) expect(check({ stage, intent: invite, at: '2026-03-12T09:00:00.000Z' })).toHaveLength(1);
    for (const stage of ['rejected', 'accepted', 'withdrawn', 'dormant']) expect(check({ stage, intent: invite, at: '2026-03-12T09:00:00.000Z' }), stage).toEqual([]);
    expect(check({ intent: invite, settings: { ...DEFAULT_PLAYBOOK, linkedInHold: false }, at: '2026-03-12T09:00:00.000Z' })).toEqual([]);
  });

  it('gives every warning that applies at once', () => {
    const touchpoints = [outbound('2026-03-09T09:00:00.000Z'), outbound('2026-03-14T09:00:00.000Z'), outbound('2026-03-19T09:00:00.000Z')];
    expect(check({ touchpoints, at: '2026-03-20T09:00:00.000Z' }).map((warning) => warning.code)).toEqual(['cooldown', 'too_many_unanswered']);
  });
});

describe('the LinkedIn hold of a contact', () => {
  it('is on while any of their openings is active and lifts when all are closed', () => {
    expect(linkedInHoldOf(['interviewing'], DEFAULT_PLAYBOOK)).toBe(true);
    expect(linkedInHoldOf(['rejected', 'applied'], DEFAULT_PLAYBOOK)).toBe(true);
    expect(linkedInHoldOf(['rejected', 'accepted'], DEFAULT_PLAYBOOK)).toBe(false);
    expect(linkedInHoldOf([], DEFAULT_PLAYBOOK)).toBe(false);
    expect(linkedInHoldOf(['interviewing'], { ...DEFAULT_PLAYBOOK, linkedInHold: false })).toBe(false);
  });
});
