import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { AGENDA_LIMIT } from '#core/reminders/agenda';
import { createReminderService, REPLAN_MAX_WAIT_MS, REPLAN_QUIET_MS, type ReminderService } from '#core/reminders/service';
import type { Reminder } from '#core/vault/repositories/reminders';
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import type { Agenda } from '#shared/domain/reminder';
import type { DueItem } from '#shared/domain/playbook';
import { insertLetter } from '#support/letter-rows';
import { tempVault } from '#support/temp-vault';

const INTERVIEW_END = '2026-03-03T10:00:00.000Z';
const HOUR = 3_600_000;
const slot = { startsAt: '2026-03-03T09:00:00.000Z', endsAt: INTERVIEW_END, timeZone: 'UTC', format: 'video' as const };

let vault: ReturnType<typeof tempVault>;
let service: ReminderService;
let rang: string[];
let changes: number;
let saved: { launchAtLogin: boolean; previous: boolean }[];
let dispatch: ReturnType<typeof createDispatch>;

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

const keys = (agenda: Agenda, group: 'overdue' | 'today' | 'week') => agenda[group].map((item) => item.key);
/** Logging an interview also warns that no references have agreed yet; these tests look at the rest. */
const ours = (keys: string[]) => keys.filter((key) => !key.startsWith('references_low:'));
const allKeys = (agenda: Agenda) => [...agenda.overdue, ...agenda.today, ...agenda.week].map((item) => item.key);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00.000Z'));
  vault = tempVault();
  rang = [];
  changes = 0;
  saved = [];
  service = createReminderService({
    db: vault.db,
    now: () => new Date(),
    timeZone: () => 'UTC',
    notify: (reminders: Reminder[]) => rang.push(...reminders.map((reminder) => reminder.key)),
    onChange: () => changes++,
  });
  // As the desktop shell does, for what only it can apply.
  service.settings.onSaved((next, previous) => saved.push({ launchAtLogin: next.launchAtLogin, previous: previous.launchAtLogin }));
  dispatch = createDispatch(createHandlers({ vault, appVersion: '0.0.0-test', now: () => new Date(), reminders: service }), () => undefined, {
    validateOutput: true,
    afterWrite: () => service.planSoon(),
  });
});
afterEach(() => {
  service.stop();
  vi.useRealTimers();
  vault.cleanup();
});

/** An opening, an interview that ended at INTERVIEW_END, and its thank-you letter. */
async function interviewWithLetter() {
  const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'applied' });
  const interview = await call('interviews.create', { openingId: opening.id, ...slot, team: [{ name: 'Ana Ruiz' }] });
  // Logging the interview drafted Ana's note already; these tests use one written by hand, with a known id.
  vault.db.exec('DELETE FROM letters');
  const letterId = insertLetter(vault.db, { openingId: opening.id, interviewId: interview.id, startedAt: INTERVIEW_END });
  // As the letters channel would, through afterWrite.
  service.planSoon();
  return { opening, interview, letterKey: `thank_you:${letterId}` };
}

describe('reminder service', () => {
  it('shows a thank-you letter in the agenda once it is due, overdue after its deadline', async () => {
    const { letterKey } = await interviewWithLetter();
    expect(allKeys(await call('reminders.agenda', undefined))).toContain(letterKey);
    expect(keys(await call('reminders.agenda', undefined), 'week')).toContain(letterKey);
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    const agenda = await call('reminders.agenda', undefined);
    expect(keys(agenda, 'today')).toContain(letterKey);
    expect(agenda.today.find((item) => item.key === letterKey)).toMatchObject({ kind: 'thank_you', deadlineAt: '2026-03-04T10:00:00.000Z', target: { kind: 'letter' } });
    vi.setSystemTime(Date.parse(INTERVIEW_END) + 25 * HOUR);
    expect(keys(await call('reminders.agenda', undefined), 'overdue')).toContain(letterKey);
  });

  it('snooze takes an item out of today until the snooze ends, then rings it', async () => {
    const { letterKey } = await interviewWithLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + 3 * HOUR);
    await service.start();
    rang = [];
    const snoozed = await call('reminders.snooze', { key: letterKey, choice: '1h' });
    expect(snoozed.snoozedUntil).toBe('2026-03-03T14:00:00.000Z');
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(letterKey);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(keys(await call('reminders.agenda', undefined), 'today')).toContain(letterKey);
    expect(rang).toContain(letterKey);
  });

  it('snoozes until a chosen time in the future, and refuses one in the past', async () => {
    const { letterKey } = await interviewWithLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    expect((await call('reminders.snooze', { key: letterKey, until: '2026-03-03T18:30:00+01:00' })).snoozedUntil).toBe('2026-03-03T17:30:00.000Z');
    expect(await dispatch('reminders.snooze', { key: letterKey, until: '2026-03-03T10:30:00Z' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'until' } });
    expect(await dispatch('reminders.snooze', { key: 'thank_you:nope', choice: '15m' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('done takes an item off the agenda for good; reopen brings it back', async () => {
    const { letterKey } = await interviewWithLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    expect((await call('reminders.done', { key: letterKey })).status).toBe('done');
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(letterKey);
    // A later re-plan keeps what the user did.
    await call('openings.create', { companyName: 'Globex', role: 'Designer' });
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(letterKey);
    expect((await call('reminders.reopen', { key: letterKey })).status).toBe('open');
    expect(keys(await call('reminders.agenda', undefined), 'today')).toContain(letterKey);
    expect((await call('reminders.dismiss', { key: letterKey })).status).toBe('dismissed');
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(letterKey);
    expect(await dispatch('reminders.reopen', { key: 'thank_you:nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('settings.save changes the thank-you timings and re-plans at once', async () => {
    const { letterKey } = await interviewWithLetter();
    const settings = await call('settings.get', undefined);
    expect(settings.playbook.thankYouDeadlineHours).toBe(24);
    const next = { ...settings, launchAtLogin: true, playbook: { ...settings.playbook, thankYouDeadlineHours: 48 } };
    expect((await call('settings.save', next)).playbook.thankYouDeadlineHours).toBe(48);
    expect(service.store.get(letterKey)!.deadlineAt).toBe('2026-03-05T10:00:00.000Z');
    expect((await call('settings.get', undefined)).playbook.thankYouDeadlineHours).toBe(48);
    expect(saved).toEqual([{ launchAtLogin: true, previous: false }]);
  });

  it('re-plans after interviews.create, once per burst of writes', async () => {
    await service.start();
    const replans = vi.spyOn(service, 'replanInBackground');
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    const interview = await call('interviews.create', { openingId: opening.id, ...slot });
    await call('openings.get', { id: opening.id });
    expect(service.store.get(`debrief:${interview.id}`)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS);
    await service.settled();
    expect(replans).toHaveBeenCalledTimes(1);
    expect(service.store.get(`debrief:${interview.id}`)).toMatchObject({ kind: 'debrief', dueAt: INTERVIEW_END });
    // Reads alone never re-plan.
    await call('openings.list', undefined);
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS * 2);
    expect(replans).toHaveBeenCalledTimes(1);
  });

  it('re-plans during steady autosaving at most once per maximum wait', async () => {
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer' });
    const note = await call('notes.create', { parentType: 'opening', parentId: opening.id });
    await service.start();
    const replans = vi.spyOn(service, 'replanInBackground');
    // A save every 400 ms for 6 s: never quiet for long enough, so only the maximum wait re-plans…
    for (let elapsed = 0; elapsed < 6_000; elapsed += 400) {
      await call('notes.save', { id: note.id, title: 'Notes', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `v${elapsed}` }] }] } });
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(REPLAN_MAX_WAIT_MS).toBeLessThan(6_000);
    expect(replans).toHaveBeenCalledTimes(1);
    // …and the pause after the last save brings the plan up to date.
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS);
    expect(replans).toHaveBeenCalledTimes(2);
  });

  it('rings reminders missed while closed once at start, and reports each change', async () => {
    const { letterKey, interview } = await interviewWithLetter();
    service.replanNow();
    // The app was closed through the interview and the evening after it.
    vi.setSystemTime(Date.parse(INTERVIEW_END) + 10 * HOUR);
    await service.start();
    expect(ours(rang).sort()).toEqual([`debrief:${interview.id}`, letterKey].sort());
    expect(changes).toBe(0);
    service.tick();
    expect(rang).toHaveLength(3);
    expect(changes).toBe(0);
    await call('reminders.done', { key: letterKey });
    expect(changes).toBe(1);
    // The warning at +20 h rings while the app runs, once.
    await vi.advanceTimersByTimeAsync(11 * HOUR);
    expect(rang.filter((key) => key === letterKey)).toHaveLength(1);
    const next = service.due(5).next.map((item) => item.key);
    expect(next).toContain(`debrief:${interview.id}`);
    expect(next).not.toContain(letterKey);
  });

  it('tells the tray how many items are due now and what comes next', async () => {
    const { letterKey, interview } = await interviewWithLetter();
    const before = service.due(5);
    expect(before.count).toBe(1);
    expect(before.next.map((item) => item.key)).toEqual([expect.stringMatching(/^references_low:/), `debrief:${interview.id}`, letterKey]);
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    expect(service.due(1).count).toBe(3);
    expect(service.due(1).next).toHaveLength(1);
  });
});

describe('reminder service, reading while a re-plan waits', () => {
  it('once started, answers the agenda at once and reports the background re-plan when it lands', async () => {
    await service.start();
    const replans = vi.spyOn(service, 'replanInBackground');
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    const interview = await call('interviews.create', { openingId: opening.id, ...slot });
    const before = changes;
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(`debrief:${interview.id}`);
    expect(replans).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS);
    await service.settled();
    expect(keys(await call('reminders.agenda', undefined), 'week')).toContain(`debrief:${interview.id}`);
    expect(changes).toBe(before + 1);
  });

  it('before start, still brings the plan up to date before answering', async () => {
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    const interview = await call('interviews.create', { openingId: opening.id, ...slot });
    expect(keys(await call('reminders.agenda', undefined), 'week')).toContain(`debrief:${interview.id}`);
  });

  it('started soon, answers from the stored plan without planning, then reports the plan when it lands', async () => {
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    const interview = await call('interviews.create', { openingId: opening.id, ...slot });
    const replans = vi.spyOn(service, 'replanInBackground');
    service.startSoon(1_000);
    expect(allKeys(await call('reminders.agenda', undefined))).not.toContain(`debrief:${interview.id}`);
    expect(replans).not.toHaveBeenCalled();
    expect(changes).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await service.settled();
    expect(changes).toBe(1);
    expect(keys(await call('reminders.agenda', undefined), 'week')).toContain(`debrief:${interview.id}`);
  });

  it('startSoon can bring the start nearer but not push it back, and stop cancels it', async () => {
    service.startSoon(60_000);
    service.startSoon(10);
    service.startSoon(30_000);
    await vi.advanceTimersByTimeAsync(10);
    await service.settled();
    expect(changes).toBe(1);
    const later = createReminderService({ db: vault.db, now: () => new Date(), timeZone: () => 'UTC', onChange: () => changes++ });
    later.startSoon(10);
    later.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toBe(1);
  });

  it('writes a waiting re-plan down before the timer rings, and when stopped', async () => {
    const patient = createReminderService({ db: vault.db, now: () => new Date(), timeZone: () => 'UTC', quietMs: 10 * HOUR, maxWaitMs: 10 * HOUR, maxSleepMs: 60_000 });
    await patient.start();
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    const first = await call('interviews.create', { openingId: opening.id, ...slot });
    patient.planSoon();
    expect(patient.store.get(`debrief:${first.id}`)).toBeUndefined();
    // The scheduler wakes long before the debounce would end.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(patient.store.get(`debrief:${first.id}`)).toMatchObject({ dueAt: INTERVIEW_END });

    const second = await call('interviews.create', { openingId: opening.id, ...slot, startsAt: '2026-03-04T09:00:00.000Z', endsAt: '2026-03-04T10:00:00.000Z' });
    patient.planSoon();
    patient.stop();
    expect(patient.store.get(`debrief:${second.id}`)).toMatchObject({ dueAt: '2026-03-04T10:00:00.000Z' });
  });

  it('stopped while its start still plans, does not plan on the way out unless a write waits', async () => {
    const opening = await call('openings.create', { companyName: 'Acme', role: 'Engineer', stage: 'interviewing' });
    service.replanNow();
    // An interview the stored plan has not seen, and no write through the core waiting to be planned.
    vault.db
      .prepare("INSERT INTO interviews (id, opening_id, round, title, starts_at, ends_at, time_zone, format, created_at, updated_at) VALUES ('unplanned', ?, 1, 'Screen', ?, ?, 'UTC', 'video', ?, ?)")
      .run(opening.id, slot.startsAt, slot.endsAt, slot.startsAt, slot.startsAt);
    // As at launch: a new service, its start's plan still on its way when the app quits.
    const launched = createReminderService({ db: vault.db, now: () => new Date(), timeZone: () => 'UTC' });
    const starting = launched.start();
    launched.stop();
    await starting;
    expect(launched.store.get('debrief:unplanned')).toBeUndefined();

    // With a write waiting, stopping writes the plan down first.
    const again = launched.start();
    launched.planSoon();
    launched.stop();
    await again;
    expect(launched.store.get('debrief:unplanned')).toMatchObject({ dueAt: slot.endsAt });
  });

  it('a resume while the start still plans waits for that plan, which rings what is due when it lands', async () => {
    const { letterKey } = await interviewWithLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + 3 * HOUR);
    const replans = vi.spyOn(service, 'replanNow');
    const starting = service.start();
    service.tick();
    expect(replans).not.toHaveBeenCalled();
    expect(rang).toEqual([]);
    await starting;
    expect(rang).toContain(letterKey);
  });

  it('a write while a background plan runs is planned in the background too, not on the spot when it lands', async () => {
    // Each turn of the loop between slices waits for the test to let it go.
    let letGo = () => undefined as void;
    const gated = createReminderService({ db: vault.db, now: () => new Date(), timeZone: () => 'UTC', yieldToLoop: () => new Promise<void>((resolve) => (letGo = resolve)) });
    const started = gated.start();
    letGo();
    await started;
    const slices = vi.spyOn(gated.store, 'syncOpenings');
    gated.planSoon();
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS);
    // The debounced plan waits for its turn; a write comes in meanwhile.
    gated.planSoon();
    letGo();
    await gated.settled();
    // Its one slice, and no whole plan on the spot when it landed…
    expect(slices).toHaveBeenCalledTimes(1);
    // …the write's own plan follows in the background.
    await vi.advanceTimersByTimeAsync(REPLAN_QUIET_MS);
    letGo();
    await gated.settled();
    expect(slices).toHaveBeenCalledTimes(2);
    gated.stop();
  });

  it('lists the soonest due items up to its limit and counts the rest', async () => {
    service.replanNow();
    const item = (index: number): DueItem => {
      const dueAt = new Date(Date.parse('2026-03-02T10:00:00.000Z') + index * 60_000).toISOString();
      return { key: `debrief:bulk-${String(index).padStart(3, '0')}`, kind: 'debrief', title: `Item ${index}`, detail: '', dueAt, deadlineAt: null, alerts: [dueAt], openingId: null, target: { kind: 'interview', id: `bulk-${index}` }, channel: null };
    };
    service.store.sync(Array.from({ length: AGENDA_LIMIT + 7 }, (_, index) => item(index)), new Date().toISOString());
    const agenda = await call('reminders.agenda', undefined);
    expect(allKeys(agenda)).toEqual(Array.from({ length: AGENDA_LIMIT }, (_, index) => item(index).key));
    expect(agenda.more).toBe(7);
    // The tray's count of items due now is not capped by the list.
    vi.setSystemTime(new Date('2026-03-03T10:00:00.000Z'));
    expect(service.due(3).count).toBe(AGENDA_LIMIT + 7);
  });
});

describe('the agenda, read again and again', () => {
  const item = (index: number, dueAt = new Date(Date.parse('2026-03-02T10:00:00.000Z') + index * 60_000).toISOString()): DueItem => ({
    key: `debrief:bulk-${String(index).padStart(3, '0')}`,
    kind: 'debrief',
    title: `Item ${index}`,
    detail: '',
    dueAt,
    deadlineAt: null,
    alerts: [dueAt],
    openingId: null,
    target: { kind: 'interview', id: `bulk-${index}` },
    channel: null,
  });

  it('follows every change to the table, snoozes that end and the window moving at midnight, without a write in between', async () => {
    service.replanNow();
    const items = [...Array.from({ length: AGENDA_LIMIT + 7 }, (_, index) => item(index)), item(900, '2026-03-09T12:00:00.000Z')];
    service.store.sync(items, new Date().toISOString());
    const agenda = () => call('reminders.agenda', undefined);
    expect((await agenda()).more).toBe(7);
    expect((await agenda()).more).toBe(7);

    // A snooze takes the soonest item out of the window until it ends…
    // Straight to the service: a write through dispatch would re-plan these hand-made items away.
    service.snooze(item(0).key, { until: '2026-03-02T12:00:00.000Z' });
    expect(allKeys(await agenda())).not.toContain(item(0).key);
    expect(allKeys(await agenda())[0]).toBe(item(1).key);
    expect((await agenda()).more).toBe(6);
    // …and it is back the moment it ends, though nothing was written.
    vi.setSystemTime(new Date('2026-03-02T12:00:00.000Z'));
    expect(allKeys(await agenda())[0]).toBe(item(0).key);
    expect((await agenda()).more).toBe(7);

    // Done and dismissed items leave the count at once.
    service.done(item(3).key);
    service.dismiss(item(4).key);
    expect((await agenda()).more).toBe(5);
    expect(allKeys(await agenda())).not.toContain(item(3).key);

    // The week ahead ends at midnight after its 7th day: the item due on the 9th joins after midnight.
    expect(allKeys(await agenda())).not.toContain(item(900).key);
    vi.setSystemTime(new Date('2026-03-03T00:30:00.000Z'));
    expect((await agenda()).more).toBe(6);
    // The tray counts what is due now, however long the list.
    expect(service.due(3).count).toBe(AGENDA_LIMIT + 7 - 2);
  });
});
