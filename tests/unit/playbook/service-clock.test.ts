import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { createReminderService, type ReminderService } from '#core/reminders/service';
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import type { Agenda } from '#shared/domain/reminder';
import { tempVault } from '#support/temp-vault';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INTERVIEW = { startsAt: '2026-03-10T09:00:00.000Z', endsAt: '2026-03-10T10:00:00.000Z', timeZone: 'UTC', format: 'video' as const };

let vault: ReturnType<typeof tempVault>;
let zone: string;
let changes: number;
let dispatch: ReturnType<typeof createDispatch>;
const services: ReminderService[] = [];

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** A running service as a shell makes one, except that it may sleep as long as the test says between looks of its own. */
function running(maxSleepMs: number): ReminderService {
  const service = createReminderService({ db: vault.db, now: () => new Date(), timeZone: () => zone, maxSleepMs, onChange: () => changes++ });
  services.push(service);
  dispatch = createDispatch(createHandlers({ vault, appVersion: '0.0.0-test', now: () => new Date(), reminders: service }), () => undefined, {
    validateOutput: true,
    afterWrite: () => service.planSoon(),
  });
  return service;
}

const items = (agenda: Agenda) => [...agenda.overdue, ...agenda.today, ...agenda.week];
const ofKind = (service: ReminderService, kind: string) => items(service.agenda()).filter((item) => item.kind === kind);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00.000Z'));
  vault = tempVault();
  zone = 'UTC';
  changes = 0;
});
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
  vi.useRealTimers();
  vault.cleanup();
});

/** An opening waiting on an interview a week ahead: the follow-up only exists once that interview is over. */
async function interviewAhead(service: ReminderService) {
  const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'applied' });
  await call('interviews.create', { openingId: opening.id, ...INTERVIEW, team: [{ name: 'Ana Ruiz' }] });
  await service.start();
  return opening;
}

describe('a running service follows the clock', () => {
  it('plans the follow-up the moment the interview ends, with no write and no look of its own until weeks later', async () => {
    const service = running(30 * DAY);
    const opening = await interviewAhead(service);
    const followUp = () => service.store.get(`follow_up:${opening.id}:${INTERVIEW.endsAt}:1`);

    // A second before the end, the plan still waits; at the end, it is planned.
    await vi.advanceTimersByTimeAsync(Date.parse(INTERVIEW.endsAt) - Date.now() - 1_000);
    await service.settled();
    expect(followUp()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    await service.settled();
    expect(followUp()).toMatchObject({ dueAt: '2026-03-17T10:00:00.000Z', status: 'open' });

    // A day on, Today lists it in the week ahead.
    await vi.advanceTimersByTimeAsync(DAY);
    expect(ofKind(service, 'follow_up').map((item) => item.dueAt)).toEqual(['2026-03-17T10:00:00.000Z']);
  });

  it('after a suspend past the moment, re-plans when the shell says it woke up', async () => {
    const service = running(30 * DAY);
    await interviewAhead(service);
    // Asleep: the wall clock jumps past the interview's end while no timer runs.
    vi.setSystemTime(Date.parse(INTERVIEW.endsAt) + 2 * HOUR);
    service.tick();
    await service.settled();
    expect(service.store.get(`follow_up:${(vault.db.prepare('SELECT id FROM openings').get() as { id: string }).id}:${INTERVIEW.endsAt}:1`)).toMatchObject({
      dueAt: '2026-03-17T10:00:00.000Z',
    });
  });

  it('re-plans in the new zone when the user travels: noticed by its own timer, with no read', async () => {
    const service = running(5 * 60_000);
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'dormant' });
    await service.start();
    const revisit = () => service.store.get(`revisit:${opening.id}:2026-03-02T09:00:00.000Z`)!;
    // Six months on, at 09:00 in the user's zone.
    expect(revisit().dueAt).toBe('2026-09-02T09:00:00.000Z');
    zone = 'America/New_York';
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await service.settled();
    expect(revisit().dueAt).toBe('2026-09-02T13:00:00.000Z');
  });

  it('re-plans in the new zone as soon as Today is read there, answering from the stored plan meanwhile', async () => {
    const service = running(30 * DAY);
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'dormant' });
    await service.start();
    const revisit = () => service.store.get(`revisit:${opening.id}:2026-03-02T09:00:00.000Z`)!;
    zone = 'Asia/Kolkata';
    await call('reminders.agenda', undefined);
    await service.settled();
    expect(revisit().dueAt).toBe('2026-09-02T03:30:00.000Z');
  });

  it('plans nothing again while nothing it depends on has come: the clock alone does not re-plan', async () => {
    const service = running(HOUR);
    await interviewAhead(service);
    const planned = vi.spyOn(service.store, 'syncOpenings');
    // Eight days of hourly looks before the interview: not one plan.
    await vi.advanceTimersByTimeAsync(Date.parse(INTERVIEW.startsAt) - Date.now() - 1_000);
    expect(planned).not.toHaveBeenCalled();
  });
});
