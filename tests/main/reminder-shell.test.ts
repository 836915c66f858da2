import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseGuard } from '../../electron/main/close-guard';
import { CloseToTray } from '../../electron/main/close-to-tray';
import { startsHidden } from '../../electron/main/login-item';
import { ReminderShell } from '../../electron/main/reminder-shell';
import { whenText } from '../../electron/main/reminder-text';
import { trayIconPaths, type TrayActions, type TrayItem } from '../../electron/main/tray';
import { createReminderService, type ReminderService } from '../../electron/core/reminders/service';
import { reminderRoute, TODAY_PATH } from '../../shared/domain/reminder-route';
import { insertLetter } from '../support/letter-rows';
import { tempVault } from '../support/temp-vault';

vi.mock('electron', () => ({}));

const HOUR = 3_600_000;
const INTERVIEW_END = '2026-03-03T10:00:00.000Z';

class FakeNotification extends EventEmitter {
  static created: FakeNotification[] = [];
  static isSupported = () => true;
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.created.push(this);
  }
  show = vi.fn();
}

let vault: ReturnType<typeof tempVault>;
let service: ReminderService;
let shell: ReminderShell;
let trayUpdates: { count: number; items: TrayItem[] }[];
let trayActions: TrayActions;
let powerMonitor: EventEmitter;
let showWindow: ReturnType<typeof vi.fn<() => void>>;
let navigate: ReturnType<typeof vi.fn<(path: string) => void>>;
let quit: ReturnType<typeof vi.fn<() => void>>;

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
  FakeNotification.created = [];
  trayUpdates = [];
  powerMonitor = new EventEmitter();
  showWindow = vi.fn<() => void>();
  navigate = vi.fn<(path: string) => void>();
  quit = vi.fn<() => void>();
  service = createReminderService({
    db: vault.db,
    now: () => new Date(),
    timeZone: () => 'UTC',
    notify: (rang) => shell.notify(rang),
    onTick: () => shell.refresh(),
  });
  shell = new ReminderShell({
    service,
    createTray: (actions) => {
      trayActions = actions;
      return { update: (count, items) => trayUpdates.push({ count, items }), destroy: vi.fn() };
    },
    Notification: FakeNotification as never,
    powerMonitor,
    showWindow,
    navigate,
    quit,
    now: () => new Date(),
    log: () => undefined,
  });
});
afterEach(() => {
  service.stop();
  vi.useRealTimers();
  vault.cleanup();
});

describe('reminder shell', () => {
  it('refreshes the tray on every tick: the count goes up when a thank-you comes due', async () => {
    const letterId = seedLetter();
    shell.start();
    service.start();
    expect(trayUpdates.at(-1)).toEqual({ count: 0, items: [{ key: `thank_you:${letterId}`, title: 'Thank Ana Ruiz for the Engineer interview', when: 'in 1 h' }] });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(trayUpdates.at(-1)).toEqual({ count: 1, items: [{ key: `thank_you:${letterId}`, title: 'Thank Ana Ruiz for the Engineer interview', when: 'due in 24 h' }] });
  });

  it('shows a notification when a reminder rings; clicking it opens the letter', async () => {
    const letterId = seedLetter();
    shell.start();
    service.start();
    // The nudge two hours after the interview.
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(FakeNotification.created).toHaveLength(1);
    const [notification] = FakeNotification.created;
    expect(notification!.options).toMatchObject({ title: 'Thank Ana Ruiz for the Engineer interview', body: expect.stringMatching(/^Due in 22 h\. /) });
    notification!.emit('click');
    expect(showWindow).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(`/letters/${letterId}`);
  });

  it('opens Today from a summary notification, and from an item the plan dropped', () => {
    shell.start();
    const many = Array.from({ length: 5 }, (_, index) => ({ key: `k${index}`, title: `Item ${index}`, detail: '', dueAt: INTERVIEW_END, deadlineAt: null }));
    shell.notify(many as never);
    FakeNotification.created[0]!.emit('click');
    expect(navigate).toHaveBeenLastCalledWith(TODAY_PATH);
    trayActions.open('thank_you:gone');
    expect(navigate).toHaveBeenLastCalledWith(TODAY_PATH);
  });

  it('snoozes and completes from the tray menu, refreshing it each time', async () => {
    const letterId = seedLetter();
    vi.setSystemTime(Date.parse(INTERVIEW_END) + HOUR);
    shell.start();
    service.start();
    expect(trayUpdates.at(-1)!.count).toBe(1);
    trayActions.snooze(`thank_you:${letterId}`, '1h');
    expect(trayUpdates.at(-1)).toEqual({ count: 0, items: [] });
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(trayUpdates.at(-1)!.count).toBe(1);
    trayActions.done(`thank_you:${letterId}`);
    expect(trayUpdates.at(-1)).toEqual({ count: 0, items: [] });
    // A click on an item that has just gone neither throws nor leaves the tray stale.
    const before = trayUpdates.length;
    trayActions.done('thank_you:gone');
    expect(trayUpdates.length).toBe(before + 1);
    trayActions.open(`thank_you:${letterId}`);
    expect(navigate).toHaveBeenLastCalledWith(`/letters/${letterId}`);
  });

  it('looks again after resume and unlock, not on suspend', () => {
    shell.start();
    const tick = vi.spyOn(service, 'tick');
    powerMonitor.emit('suspend');
    expect(tick).not.toHaveBeenCalled();
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('quits from the tray', () => {
    shell.start();
    trayActions.quit();
    expect(quit).toHaveBeenCalled();
  });
});

/** A window and an app that behave like Electron's for close and quit. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  visible = true;
  hide = vi.fn(() => (this.visible = false));
  isDestroyed = () => this.destroyed;
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (!event.defaultPrevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}
class FakeApp extends EventEmitter {
  quitted = false;
  constructor(private readonly windows: FakeWindow[]) {
    super();
  }
  quit() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of this.windows) if (!window.isDestroyed()) window.close();
    if (this.windows.every((window) => window.isDestroyed())) this.quitted = true;
  }
}

describe('close to tray', () => {
  function setup(enabled: boolean) {
    const stored: { trayExplained?: boolean } = {};
    const explain = vi.fn();
    const window = new FakeWindow();
    const app = new FakeApp([window]);
    // A page that answers flush requests at once.
    const bridge = { isReady: () => true, emit: vi.fn((_name: string, payload: { requestId: number }) => queueMicrotask(() => guard.acknowledge(payload.requestId))) };
    const guard = new CloseGuard(bridge as never);
    guard.guardQuit(app);
    const closeToTray = new CloseToTray({ enabled: () => enabled, explained: () => stored.trayExplained === true, markExplained: () => (stored.trayExplained = true), explain });
    closeToTray.watch(app);
    guard.attach(window, () => closeToTray.hideInstead(window));
    return { window, app, explain, bridge, stored };
  }

  it('hides the window after the page flushed, and explains it once', async () => {
    const { window, explain, bridge, stored } = setup(true);
    window.close();
    expect(window.hide).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(bridge.emit).toHaveBeenCalledWith('app.flushRequested', { requestId: 1 });
    expect(window.hide).toHaveBeenCalledOnce();
    expect(window.destroyed).toBe(false);
    expect(explain).toHaveBeenCalledOnce();
    expect(stored.trayExplained).toBe(true);
    window.close();
    await Promise.resolve();
    expect(window.hide).toHaveBeenCalledTimes(2);
    expect(explain).toHaveBeenCalledOnce();
  });

  it('a real quit quits, even with the window hidden in the tray', async () => {
    const { window, app } = setup(true);
    window.close();
    await Promise.resolve();
    app.quit();
    await Promise.resolve();
    expect(window.destroyed).toBe(true);
    expect(app.quitted).toBe(true);
    expect(window.hide).toHaveBeenCalledOnce();
  });

  it('closes for real when the setting is off', async () => {
    const { window, explain } = setup(false);
    window.close();
    await Promise.resolve();
    expect(window.destroyed).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
    expect(explain).not.toHaveBeenCalled();
  });
});

describe('shell helpers', () => {
  it('routes each kind of reminder target to its screen', () => {
    const at = (kind: 'interview' | 'letter' | 'opening' | 'contact' | 'reference', id: string, openingId: string | null = null) => reminderRoute({ target: { kind, id }, openingId });
    expect(at('interview', 'i1')).toBe('/interviews/i1');
    expect(at('letter', 'l1')).toBe('/letters/l1');
    expect(at('opening', 'o1')).toBe('/openings/o1');
    expect(at('contact', 'c1')).toBe('/contacts/c1');
    // References have no page yet: their opening, else Today.
    expect(at('reference', 'r1', 'o1')).toBe('/references/r1/briefs/o1');
    expect(at('reference', 'r1')).toBe('/references/r1');
  });

  it('says when an item is due in a few words', () => {
    const now = new Date('2026-03-03T12:00:00.000Z');
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: '2026-03-03T11:00:00.000Z' }, now)).toBe('overdue');
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: '2026-03-04T10:00:00.000Z' }, now)).toBe('due in 22 h');
    expect(whenText({ dueAt: '2026-03-03T10:00:00.000Z', deadlineAt: null }, now)).toBe('due now');
    expect(whenText({ dueAt: '2026-03-03T12:20:00.000Z', deadlineAt: null }, now)).toBe('in 20 min');
    expect(whenText({ dueAt: '2026-03-08T12:00:00.000Z', deadlineAt: null }, now)).toBe('in 5 days');
  });

  it('starts hidden when asked or opened at login', () => {
    expect(startsHidden(['/opt/Afterview/afterview', '--hidden'], false)).toBe(true);
    expect(startsHidden(['/Applications/Afterview.app'], true)).toBe(true);
    expect(startsHidden(['/opt/Afterview/afterview'], false)).toBe(false);
  });

  it('uses template tray images on macOS', () => {
    expect(trayIconPaths('/icons', 'darwin').idle).toMatch(/trayTemplate\.png$/);
    expect(trayIconPaths('/icons', 'linux')).toEqual({ idle: expect.stringMatching(/tray\.png$/), due: expect.stringMatching(/tray-due\.png$/) });
  });
});
