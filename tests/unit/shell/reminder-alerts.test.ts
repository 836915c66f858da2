import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReminderService, type ReminderService } from '#core/reminders/service';
import type { ShellNotification, TrayState } from '#core/shell/port';
import { ReminderAlerts } from '#core/shell/reminder-alerts';
import { TODAY_PATH } from '#shared/domain/reminder-route';
import { insertLetter } from '#support/letter-rows';
import { tempVault } from '#support/temp-vault';

const HOUR = 3_600_000;
const INTERVIEW_END = '2026-03-03T10:00:00.000Z';
const TITLE = 'Thank Ana Ruiz for the Engineer interview';

let vault: ReturnType<typeof tempVault>;
let service: ReminderService;
let alerts: ReminderAlerts;
let shown: ShellNotification[];
let trays: TrayState[];
let opened: string[];
/** Whether the system can show notifications (the shell's canNotify). */
let supported: boolean;
/** Whether the vault is locked (the session's isLocked). */
let locked: boolean;

function seedLetter(): string {
  const db = vault.db;
  const t = '2026-03-01T00:00:00.000Z';
  db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Acme', 'acme', ?, ?)").run(t, t);
  db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'applied', ?, ?)").run(t, t);
  return insertLetter(db, { openingId: 'o1', startedAt: INTERVIEW_END });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-03T09:00:00.000Z'));
  vault = tempVault();
  shown = [];
  trays = [];
  opened = [];
  supported = true;
  locked = false;
  service = createReminderService({
    db: vault.db,
    now: () => new Date(),
    timeZone: () => 'UTC',
    notify: (rang) => alerts.notify(rang),
    canNotify: () => supported,
    onTick: () => alerts.refresh(),
  });
  alerts = new ReminderAlerts({
    service,
    shell: { notify: (notification) => shown.push(notification), showDue: (state) => trays.push(state) },
    openPath: (path) => opened.push(path),
    now: () => new Date(),
    isLocked: () => locked,
    log: () => undefined,
  });
});
afterEach(() => {
  service.stop();
  vi.useRealTimers();
  vault.cleanup();
});

describe('reminder alerts, the same in both shells', () => {
  it('refresh the tray on every tick: the count goes up when a thank-you comes due', async () => {
    const letterId = seedLetter();
    alerts.refresh();
    await service.start();
    expect(trays.at(-1)).toEqual({ count: 0, items: [{ key: `thank_you:${letterId}`, title: TITLE, when: 'in 1 h' }] });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(trays.at(-1)).toEqual({ count: 1, items: [{ key: `thank_you:${letterId}`, title: TITLE, when: 'due in 24 h' }] });
  });

  it('raise a notification when a reminder rings; opening it goes to the letter', async () => {
    const letterId = seedLetter();
    await service.start();
    // The nudge two hours after the interview.
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(shown).toEqual([{ title: TITLE, body: expect.stringMatching(/^Due in 22 h\. /), reminderKey: `thank_you:${letterId}` }]);
    alerts.open(shown[0]!.reminderKey);
    expect(opened).toEqual([`/letters/${letterId}`]);
  });

  it('say only how many are due while the vault is locked: nothing of what they are about, in a notification or the tray', async () => {
    seedLetter();
    locked = true;
    await service.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(shown).toEqual([{ title: '1 reminder due', body: 'Unlock Afterview to see them.', reminderKey: null }]);
    alerts.notify(Array.from({ length: 2 }, (_, index) => ({ key: `k${index}`, title: `Item ${index}`, detail: 'Secret detail', dueAt: INTERVIEW_END, deadlineAt: null })) as never);
    expect(shown.at(-1)).toEqual({ title: '2 reminders due', body: 'Unlock Afterview to see them.', reminderKey: null });
    expect(JSON.stringify(trays)).not.toContain('Ana Ruiz');
    expect(trays.at(-1)!.items).toEqual([]);
    locked = false;
    alerts.refresh();
    expect(trays.at(-1)!.items[0]!.title).toBe(TITLE);
  });

  it('open Today from a summary, and from an item the plan dropped', () => {
    alerts.notify(Array.from({ length: 5 }, (_, index) => ({ key: `k${index}`, title: `Item ${index}`, detail: '', dueAt: INTERVIEW_END, deadlineAt: null })) as never);
    expect(shown).toEqual([{ title: '5 things need you', body: '• Item 0\n• Item 1\n• Item 2\n…and more in Today.', reminderKey: null }]);
    alerts.open(null);
    alerts.open('thank_you:gone');
    expect(opened).toEqual([TODAY_PATH, TODAY_PATH]);
  });

  it('snooze and complete from the tray, refreshing it each time', async () => {
    const letterId = seedLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    await service.start();
    expect(trays.at(-1)!.count).toBe(1);
    alerts.snooze(`thank_you:${letterId}`, '1h');
    expect(trays.at(-1)).toEqual({ count: 0, items: [] });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(trays.at(-1)!.count).toBe(1);
    alerts.done(`thank_you:${letterId}`);
    expect(trays.at(-1)).toEqual({ count: 0, items: [] });
    // A click on an item that has just gone neither throws nor leaves the tray stale.
    const before = trays.length;
    alerts.done('thank_you:gone');
    expect(trays.length).toBe(before + 1);
  });

  it('look again on waking', () => {
    const tick = vi.spyOn(service, 'tick');
    alerts.wake();
    expect(tick).toHaveBeenCalledOnce();
  });
});

describe('when notifications cannot show', () => {
  it('a system without notifications keeps the alert for later; the tray still counts it', async () => {
    const letterId = seedLetter();
    supported = false;
    await service.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(shown).toEqual([]);
    expect(trays.at(-1)!.count).toBe(1);
    expect(service.get(`thank_you:${letterId}`)).toMatchObject({ status: 'open' });
    expect(service.store.get(`thank_you:${letterId}`)!.lastNotifiedAt).toBeNull();

    // The notification service comes back: the held alert rings once at the next look (at most a capped sleep away).
    supported = true;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(shown).toEqual([{ title: TITLE, body: expect.stringMatching(/^Due in 2\d h\. /), reminderKey: `thank_you:${letterId}` }]);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(shown).toHaveLength(1);
  });

  it('notifications turned off in Settings hold the alert; turned back on, it rings once at once', async () => {
    const letterId = seedLetter();
    service.settings.save({ ...service.settings.get(), notifications: false });
    await service.start();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(shown).toEqual([]);
    expect(trays.at(-1)!.count).toBe(1);

    service.settings.save({ ...service.settings.get(), notifications: true });
    expect(shown).toEqual([{ title: TITLE, body: expect.stringMatching(/^Due in 2\d h\. /), reminderKey: `thank_you:${letterId}` }]);
    service.settings.save({ ...service.settings.get(), notifications: true });
    expect(shown).toHaveLength(1);
  });
});
