import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReminderScheduler } from '#core/reminders/scheduler';
import { createReminderStore, type Reminder } from '#core/vault/repositories/reminders';
import type { DueItem } from '#shared/domain/playbook';
import { DEFAULT_SETTINGS, type QuietHours } from '#shared/domain/settings';
import { tempVault } from '#support/temp-vault';

const START = new Date('2026-03-10T10:00:00.000Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(START.getTime() + minutes * MIN).toISOString();

function item(key: string, alertMinutes: number[], overrides: Partial<DueItem> = {}): DueItem {
  return {
    key,
    kind: 'thank_you',
    title: `Item ${key}`,
    detail: '',
    dueAt: at(alertMinutes[0] ?? 0),
    deadlineAt: null,
    alerts: alertMinutes.map(at),
    openingId: null,
    target: { kind: 'letter', id: key },
    channel: null,
    ...overrides,
  };
}

let vault: ReturnType<typeof tempVault>;
let plan: DueItem[];
let rang: string[];
let quietHours: QuietHours;
/** Whether notifications can show (the setting and the system together). */
let ringing: boolean;
let ticks: number;

function scheduler() {
  const store = createReminderStore(vault.db);
  return {
    store,
    scheduler: new ReminderScheduler({
      store,
      writePlan: () => store.sync(plan, new Date().toISOString()),
      clock: { now: () => new Date() },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      notify: (reminders: Reminder[]) => rang.push(...reminders.map((reminder) => `${reminder.key}@${new Date().toISOString()}`)),
      preferences: () => ({ quietHours, timeZone: 'UTC', notifications: ringing }),
      onTick: () => void ticks++,
    }),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(START);
  vault = tempVault();
  plan = [];
  rang = [];
  quietHours = DEFAULT_SETTINGS.quietHours;
  ringing = true;
  ticks = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vault.cleanup();
});

describe('reminder scheduler', () => {
  it('rings each alert within a second of its time while awake', async () => {
    plan = [item('a', [30, 90])];
    const { scheduler: s } = scheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(30 * MIN - 1);
    expect(rang).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rang).toEqual([`a@${at(30)}`]);
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(rang).toEqual([`a@${at(30)}`, `a@${at(90)}`]);
    s.stop();
  });

  it('after a suspend, rings every missed reminder once on resume', async () => {
    plan = [item('a', [30, 60, 120]), item('b', [45]), item('later', [5000])];
    const { scheduler: s } = scheduler();
    s.start();
    // Asleep: the wall clock jumps three hours while no timer runs.
    vi.setSystemTime(new Date(START.getTime() + 180 * MIN));
    s.tick(); // the shell calls this on 'resume'
    expect(rang.sort()).toEqual([`a@${at(180)}`, `b@${at(180)}`]);
    s.tick();
    expect(rang).toHaveLength(2);
    s.stop();
  });

  it('after a restart, rings nothing twice and still rings what is left', async () => {
    plan = [item('a', [10, 100])];
    const first = scheduler();
    first.scheduler.start();
    await vi.advanceTimersByTimeAsync(11 * MIN);
    first.scheduler.stop();
    expect(rang).toEqual([`a@${at(10)}`]);
    const second = scheduler();
    second.scheduler.start();
    expect(rang).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(90 * MIN);
    expect(rang).toEqual([`a@${at(10)}`, `a@${at(100)}`]);
    second.scheduler.stop();
  });

  it('a missed reminder shows once at the next start', () => {
    plan = [item('a', [10])];
    vi.setSystemTime(new Date(START.getTime() + 24 * 60 * MIN));
    const { scheduler: s } = scheduler();
    s.start();
    expect(rang).toHaveLength(1);
    s.stop();
    const again = scheduler();
    again.scheduler.start();
    expect(rang).toHaveLength(1);
    again.scheduler.stop();
  });

  it('snooze moves the alert; done and dismiss silence it and survive a re-plan', async () => {
    plan = [item('a', [10]), item('b', [10]), item('c', [10])];
    const { scheduler: s, store } = scheduler();
    s.start();
    s.snooze('a', new Date(START.getTime() + 60 * MIN));
    s.done('b');
    s.dismiss('c');
    s.replan();
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(rang).toEqual([]);
    expect(store.open(at(30), at(30)).map((reminder) => reminder.key)).toEqual([]);
    await vi.advanceTimersByTimeAsync(30 * MIN);
    expect(rang).toEqual([`a@${at(60)}`]);
    expect(store.open(at(60), at(60)).map((reminder) => reminder.key)).toEqual(['a']);
    s.stop();
  });

  it('holds alerts during quiet hours and rings them when they end', async () => {
    quietHours = { enabled: true, start: '09:00', end: '12:00' };
    plan = [item('a', [30])];
    const { scheduler: s } = scheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(100 * MIN);
    expect(rang).toEqual([]);
    await vi.advanceTimersByTimeAsync(21 * MIN);
    expect(rang).toEqual([`a@${at(120)}`]);
    s.stop();
  });

  it('holds alerts while notifications cannot show, and rings each once when they can again', async () => {
    ringing = false;
    plan = [item('a', [10, 20]), item('b', [30]), item('later', [600])];
    const { scheduler: s, store } = scheduler();
    s.start();
    await vi.advanceTimersByTimeAsync(45 * MIN);
    expect(rang).toEqual([]);
    // Not used up: still waiting to ring, and Today still lists them.
    expect(store.get('a')).toMatchObject({ lastNotifiedAt: null, nextAlertAt: at(10) });
    expect(store.get('b')).toMatchObject({ lastNotifiedAt: null, nextAlertAt: at(30) });
    expect(store.open(at(45), at(45)).map((reminder) => reminder.key)).toEqual(['a', 'b']);
    // It looked again every capped sleep (5 min) and at each alert, and never spun on the held ones.
    expect(ticks).toBeLessThanOrEqual(1 + 45 / 5 + 3);

    ringing = true;
    s.tick(); // what a settings save does
    expect(rang.sort()).toEqual([`a@${at(45)}`, `b@${at(45)}`]);
    s.tick();
    expect(rang).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(600 * MIN);
    expect(rang).toEqual([`a@${at(45)}`, `b@${at(45)}`, `later@${at(600)}`]);
    s.stop();
  });

  it('drops reminders that are no longer planned, e.g. a note that was sent', () => {
    plan = [item('a', [10])];
    const { scheduler: s, store } = scheduler();
    s.start();
    plan = [];
    s.replan();
    expect(store.get('a')).toBeUndefined();
    s.stop();
  });
});
