import type { QuietHours } from '#shared/domain/settings';
import { quietUntil } from './quiet-hours';
import type { Reminder, ReminderStore } from '../vault/repositories/reminders';

export interface Clock {
  now(): Date;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  store: ReminderStore;
  /** Writes the current plan from the vault's facts and settings into the store. */
  writePlan(): void;
  clock: Clock;
  timers: Timers;
  /** Shows the reminders that just rang (the shell turns them into notifications). */
  notify(reminders: Reminder[]): void;
  /** `notifications`: whether alerts can be shown now (the setting is on and the system can show them). */
  preferences(): { quietHours: QuietHours; timeZone: string; notifications: boolean };
  /**
   * Called first in every tick, e.g. to write down a re-plan still waiting, so
   * nothing rings from a stale plan. Answering false skips this tick's ring:
   * a plan is on its way, and it rings (resume) when it lands.
   */
  beforeTick?(): boolean | void;
  /** When the stored plan stops holding (the clock reaches a change it depends on), as epoch ms; the timer wakes then too. */
  planChangesAt?(): number | null;
  /** Called after every tick, e.g. to refresh the tray's count. */
  onTick?(): void;
  /**
   * The longest the timer sleeps before looking again. A timer can oversleep
   * a suspend or a clock change; a capped one catches up soon after.
   */
  maxSleepMs?: number;
}

const DEFAULT_MAX_SLEEP_MS = 5 * 60_000;

/**
 * One timer armed for the next alert, or for the moment the plan stops
 * holding, whichever comes first. Re-plan on every change; tick on start,
 * on resume, on unlock and on clock changes. Alerts that passed while asleep
 * or closed ring once per reminder; quiet hours hold them until they end.
 * While notifications cannot show (off in Settings, or a system without
 * them) alerts are held too, never used up: Today and the tray count their
 * items as always, and each held alert rings once when notifications can
 * show again (several at once as one summary), like an alert missed while
 * the app was closed.
 */
export class ReminderScheduler {
  private timer: unknown = null;
  /** Until start(), changes are written down but nothing rings and no timer runs. */
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.stopped = false;
    this.replan();
  }

  /** Starts from the plan as the store holds it (written down by someone else just before): rings and arms. */
  resume(): void {
    this.stopped = false;
    this.ring();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** The vault changed: write the new plan down and look again. */
  replan(): void {
    this.options.writePlan();
    this.tick();
  }

  /** Rings what is due now and arms the timer for what comes next. */
  tick(): void {
    if (this.stopped) return;
    this.clearTimer();
    if (this.options.beforeTick?.() === false) return;
    this.ring();
  }

  /** The tick's ring, from the plan as stored. */
  private ring(): void {
    if (this.stopped) return;
    this.clearTimer();
    const now = this.options.clock.now();
    const preferences = this.options.preferences();
    const quietEnd = quietUntil(preferences.quietHours, now, preferences.timeZone);
    const ringing = preferences.notifications;
    if (ringing && !quietEnd) {
      const rang = this.options.store.takeDueAlerts(now.toISOString());
      if (rang.length > 0) this.options.notify(rang);
    }
    this.options.onTick?.();
    this.arm(now, ringing ? quietEnd : null, ringing);
  }

  snooze(key: string, until: Date): boolean {
    return this.change(() => this.options.store.snooze(key, until.toISOString(), this.options.clock.now().toISOString()));
  }

  done(key: string): boolean {
    return this.change(() => this.options.store.setStatus(key, 'done', this.options.clock.now().toISOString()));
  }

  dismiss(key: string): boolean {
    return this.change(() => this.options.store.setStatus(key, 'dismissed', this.options.clock.now().toISOString()));
  }

  /** Undoes a done or dismiss made by mistake; alerts that already rang stay rung. */
  reopen(key: string): boolean {
    return this.change(() => this.options.store.setStatus(key, 'open', this.options.clock.now().toISOString()));
  }

  private change(apply: () => boolean): boolean {
    const changed = apply();
    if (changed) this.tick();
    return changed;
  }

  private arm(now: Date, quietEnd: Date | null, ringing: boolean): void {
    // Held alerts are already due: while nothing rings, wake for the next one still to come (the tray's count changes then).
    const next = ringing ? this.options.store.nextAlertAt() : this.options.store.nextAlertAfter(now.toISOString());
    let wake = next ? Date.parse(next) : Number.POSITIVE_INFINITY;
    if (quietEnd && wake < quietEnd.getTime()) wake = quietEnd.getTime();
    // Quiet hours hold the ringing, not the planning: the plan follows the clock through them.
    wake = Math.min(wake, this.options.planChangesAt?.() ?? Number.POSITIVE_INFINITY);
    const delay = Math.max(0, Math.min(wake - now.getTime(), this.options.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS));
    this.timer = this.options.timers.setTimeout(() => this.tick(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
