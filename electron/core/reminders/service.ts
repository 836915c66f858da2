import type { Agenda, ReminderView } from '../../../shared/domain/reminder';
import { systemTimeZone } from '../system-time-zone';
import type { Settings } from '../../../shared/domain/settings';
import { snoozeUntil, type SnoozeChoice } from '../../../shared/domain/snooze';
import { AppError } from '../errors';
import { createSettingsRepository, type SettingsRepository } from '../settings/repository';
import type { Db } from '../vault/connection';
import { AGENDA_LIMIT, agendaHorizon, buildAgenda, toView } from './agenda';
import { createPlanner, type PlanInput, type Planner } from './planner';
import { ReminderScheduler, type Timers } from './scheduler';
import { createReminderStore, type Reminder, type ReminderStore } from './store';

export interface ReminderServiceOptions {
  db: Db;
  now: () => Date;
  timers?: Timers;
  /** The user's zone, asked afresh each time: a laptop travels. */
  timeZone?: () => string;
  /** Shows reminders that just rang; the shells turn them into notifications. */
  notify?(reminders: Reminder[]): void;
  /** After every tick, e.g. to refresh the tray. */
  onTick?(): void;
  /** After a tick that changed what the agenda shows. */
  onChange?(): void;
  /** The shell applies what only it can (launch at login). */
  onSettingsSaved?(next: Settings, previous: Settings): void;
  /** A burst of writes re-plans once, this long after its last write… */
  quietMs?: number;
  /** …or this long after its first, so steady autosaving cannot hold the plan back. */
  maxWaitMs?: number;
  maxSleepMs?: number;
  /** Lets the event loop run between slices of a plan in the background. */
  yieldToLoop?: () => Promise<void>;
}

export const REPLAN_QUIET_MS = 500;
export const REPLAN_MAX_WAIT_MS = 5_000;

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const nextTurnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The soonest open items of the agenda's window and their count, as read at `from`. */
interface SoonestRead {
  version: number;
  horizon: string;
  from: string;
  /** The first snooze to end after `from`: its item joins the window then. */
  until: string | null;
  soonest: Reminder[];
  total: number;
}

/**
 * How long the reminders wait, once a page says it has loaded, for its first
 * reads to be answered: their plan runs in slices on the core's thread, and on
 * a big vault the first slices would hold up the page's first screen (about
 * 140 ms at 2,000 openings). Until then, reads answer from the plan stored last
 * time. Both shells use it.
 */
export const REMINDERS_AFTER_PAGE_MS = 1_000;

export type SnoozeRequest = { choice: SnoozeChoice } | { until: string };

/**
 * The reminders of one vault: the playbook's plan written down, the scheduler
 * ringing it, and what the user did about each item. Nothing runs on its own
 * until start(); before that every read brings the plan up to date first, so
 * an answer never lags a write. Once started, plans run in the background, a
 * slice of openings at a time with the event loop free in between: at start,
 * and after each burst of writes (debounced). Reads answer from the plan as
 * stored meanwhile; onChange tells the pages when a new one lands. A tick, an
 * action on an item and stopping write a waiting re-plan down first.
 */
export class ReminderService {
  readonly store: ReminderStore;
  readonly settings: SettingsRepository;
  private readonly scheduler: ReminderScheduler;
  private readonly timers: Timers;
  private readonly timeZone: () => string;
  private started = false;
  /** The timer of a start asked for with startSoon(), until it runs. */
  private pendingStart: unknown = null;
  private pendingStartAt = Number.POSITIVE_INFINITY;
  private dirty = true;
  private debounce: unknown = null;
  private burstStartedAt: number | null = null;
  private lastSignature: string | null = null;
  /** Writes since the service was made: a background plan that began before the last one must run again. */
  private writes = 0;
  /** The writes the stored plan has seen: a plan that landed began after them. */
  private writesPlanned = 0;
  /** The plan running in the background, until it lands or is overtaken. */
  private pass: Promise<void> | null = null;
  private passId = 0;
  /** A re-plan was asked for while one ran: run again when it lands. */
  private again = false;
  /** The tick of a plan that just landed. */
  private landing = false;
  private soonestRead: SoonestRead | null = null;
  private readonly planner: Planner;

  constructor(private readonly options: ReminderServiceOptions) {
    this.store = createReminderStore(options.db);
    this.settings = createSettingsRepository(options.db);
    this.timers = options.timers ?? realTimers;
    this.timeZone = options.timeZone ?? systemTimeZone;
    this.planner = createPlanner(options.db, this.store);
    this.scheduler = new ReminderScheduler({
      store: this.store,
      writePlan: () => this.planner.planAll(this.planInput()),
      clock: { now: options.now },
      timers: this.timers,
      notify: (reminders) => options.notify?.(reminders),
      preferences: () => {
        const settings = this.settings.get();
        return { quietHours: settings.quietHours, timeZone: this.timeZone(), notifications: settings.notifications };
      },
      // The timer can fire while a re-plan waits for its debounce: ring from the new plan.
      beforeTick: () => {
        // Just landed: writes made while it ran wait for their own plan in the background.
        if (this.landing) return;
        try {
          this.writePlanIfDirty();
        } catch {
          // Ring from the plan as stored; the next tick or write tries the re-plan again.
          this.dirty = true;
        }
      },
      onTick: () => this.afterTick(),
      maxSleepMs: options.maxSleepMs,
    });
  }

  /**
   * Plans in the background; once the plan lands, rings what was missed
   * while the app was closed (once) and arms the timer. The promise settles
   * then.
   */
  start(): Promise<void> {
    this.cancelPendingStart();
    this.started = true;
    return this.replanInBackground();
  }

  /**
   * Starts after `delayMs`, so that a shell can show its first page before
   * the plan (a few hundred milliseconds on a large vault) holds the thread.
   * Until then, reads answer from the plan as the vault last stored it
   * instead of planning on the spot; once the new plan lands, onChange tells
   * the pages to read again. Asking again can bring the start nearer, never
   * push it back.
   */
  startSoon(delayMs: number): void {
    const at = this.options.now().getTime() + delayMs;
    if (this.started || at >= this.pendingStartAt) return;
    this.cancelPendingStart();
    this.pendingStartAt = at;
    this.pendingStart = this.timers.setTimeout(() => {
      this.pendingStart = null;
      // A failure to arm leaves the stored plan in place; the next tick or write plans again.
      this.start().then(
        () => {
          if (this.started) this.options.onChange?.();
        },
        () => undefined,
      );
    }, delayMs);
  }

  /** Stops the timer; a re-plan still waiting is written down first, so the vault holds the plan of its last write. */
  stop(): void {
    this.cancelPendingStart();
    const wasStarted = this.started;
    this.started = false;
    this.scheduler.stop();
    this.cancelDebounce();
    this.cancelPass();
    // The start's own plan unfinished, with no write waiting: the stored plan is as good, and the next start plans anyway.
    if (!wasStarted || !this.dirty || this.writes === this.writesPlanned) return;
    try {
      this.writePlanIfDirty();
    } catch {
      // Stopping (quitting) must go on: the next start() plans afresh from the vault anyway.
      this.dirty = true;
    }
  }

  /** Looks again now: after a resume, an unlock, or a clock change. */
  tick(): void {
    // A plan on its way ticks when it lands; planning again here would hold the thread for nothing.
    if (this.pass) return;
    if (this.dirty) this.replanNow();
    else this.scheduler.tick();
  }

  /**
   * The vault changed: re-plan once the burst of writes is over. A re-plan
   * reads the whole plan, so typing in a note must not run one per keystroke
   * save. Before start() there is no timer, and reads flush it instead.
   */
  planSoon(): void {
    this.dirty = true;
    this.writes++;
    if (!this.started) return;
    const now = this.options.now().getTime();
    this.burstStartedAt ??= now;
    const quiet = this.options.quietMs ?? REPLAN_QUIET_MS;
    const deadline = this.burstStartedAt + (this.options.maxWaitMs ?? REPLAN_MAX_WAIT_MS);
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = this.timers.setTimeout(() => {
      this.debounce = null;
      void this.replanInBackground();
    }, Math.max(0, Math.min(quiet, deadline - now)));
  }

  /** Plans at once, holding the thread (a setting changed, or an action needs the plan as it stands). */
  replanNow(): void {
    this.cancelDebounce();
    this.cancelPass();
    this.dirty = false;
    this.writesPlanned = this.writes;
    this.scheduler.replan();
  }

  /**
   * Plans a slice of openings at a time, the event loop free in between, then
   * ticks (rings what is due, arms the timer) and tells the pages if the
   * agenda changed. Asked for while one runs (the writes meanwhile are over),
   * returns that one and runs again when it lands.
   */
  replanInBackground(): Promise<void> {
    this.cancelDebounce();
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.again = false;
    const id = ++this.passId;
    const writesBefore = this.writes;
    const cancelled = () => id !== this.passId;
    const land = (planned: boolean) => {
      if (cancelled()) return;
      this.pass = null;
      if (planned) this.writesPlanned = writesBefore;
      if (planned && this.writes === writesBefore) this.dirty = false;
      if (!this.started) return;
      // On a failed plan this rings from the plan as stored; the next tick's beforeTick tries the plan again.
      this.landing = planned;
      try {
        this.scheduler.resume();
      } finally {
        this.landing = false;
      }
      if (this.again && planned) return this.replanInBackground();
    };
    this.pass = this.planner
      .planInSlices(this.planInput(), this.options.yieldToLoop ?? nextTurnOfTheLoop, cancelled)
      .then(land, () => land(false));
    return this.pass;
  }

  /** Resolves once no plan runs in the background (for tools and tests). */
  async settled(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** What is due, as the vault holds it: a pending re-plan is not waited for once started (see the class). */
  agenda(): Agenda {
    if (this.readsFlush()) this.flush();
    return this.currentAgenda();
  }

  /** What the tray shows: how many items are due now, and the next few in order of urgency. */
  due(limit: number): { count: number; next: ReminderView[] } {
    if (this.readsFlush()) this.flush();
    const agenda = this.currentAgenda();
    const all = [...agenda.overdue, ...agenda.today, ...agenda.week];
    return { count: this.store.countOpen(agenda.now, agenda.now), next: all.slice(0, limit) };
  }

  get(key: string): ReminderView | null {
    this.flush();
    const reminder = this.store.get(key);
    return reminder ? toView(reminder) : null;
  }

  snooze(key: string, request: SnoozeRequest): ReminderView {
    const now = this.options.now();
    let until: Date;
    if ('choice' in request) {
      until = snoozeUntil(request.choice, now, this.timeZone(), this.settings.get().playbook.morningTime);
    } else {
      until = new Date(request.until);
      if (!(until.getTime() > now.getTime())) throw new AppError('INVALID_INPUT', 'Choose a time in the future to snooze until.', 'until');
    }
    this.flush();
    return this.apply(key, () => this.scheduler.snooze(key, until));
  }

  done(key: string): ReminderView {
    this.flush();
    return this.apply(key, () => this.scheduler.done(key));
  }

  dismiss(key: string): ReminderView {
    this.flush();
    return this.apply(key, () => this.scheduler.dismiss(key));
  }

  reopen(key: string): ReminderView {
    this.flush();
    return this.apply(key, () => this.scheduler.reopen(key));
  }

  /** Saves the settings and re-plans at once with the new timings. */
  saveSettings(next: Settings): Settings {
    const previous = this.settings.get();
    const saved = this.settings.save(next);
    this.replanNow();
    this.options.onSettingsSaved?.(saved, previous);
    return saved;
  }

  /** Before start there is no timer to re-plan, so reads do it, unless a start is on its way (see startSoon). */
  private readsFlush(): boolean {
    return !this.started && this.pendingStart === null;
  }

  private cancelPendingStart(): void {
    if (this.pendingStart !== null) this.timers.clearTimeout(this.pendingStart);
    this.pendingStart = null;
    this.pendingStartAt = Number.POSITIVE_INFINITY;
  }

  /** Writes a waiting re-plan down, unless one is on its way in the background (it keeps what the user does meanwhile). */
  private flush(): void {
    if (this.dirty && !this.pass) this.replanNow();
  }

  /** Writes the plan down without a tick of its own (for the tick about to run, and for stop). */
  private writePlanIfDirty(): void {
    if (!this.dirty) return;
    this.cancelDebounce();
    this.cancelPass();
    this.dirty = false;
    this.writesPlanned = this.writes;
    this.planner.planAll(this.planInput());
  }

  private planInput(): PlanInput {
    return { settings: this.settings.get().playbook, now: this.options.now(), timeZone: this.timeZone() };
  }

  private cancelPass(): void {
    this.passId++;
    this.pass = null;
    this.again = false;
  }

  private apply(key: string, change: () => boolean): ReminderView {
    if (!this.store.get(key)) throw new AppError('NOT_FOUND', 'That reminder is no longer there; the plan may have changed.');
    change();
    return toView(this.store.get(key)!);
  }

  private currentAgenda(): Agenda {
    const now = this.options.now();
    const timeZone = this.timeZone();
    const nowIso = now.toISOString();
    const horizon = agendaHorizon(now, timeZone).toISOString();
    const { soonest, total } = this.soonest(nowIso, horizon);
    return buildAgenda(soonest, now, timeZone, total);
  }

  /**
   * The soonest open items up to the horizon and how many there are. Counting
   * a big backlog costs more than the rest of the agenda, so the read is kept
   * until the table changes, the horizon moves (at midnight) or a snooze ends.
   */
  private soonest(nowIso: string, horizon: string): SoonestRead {
    const kept = this.soonestRead;
    const version = this.store.version();
    if (kept && kept.version === version && kept.horizon === horizon && nowIso >= kept.from && (kept.until === null || nowIso < kept.until)) return kept;
    const soonest = this.store.open(nowIso, horizon, AGENDA_LIMIT);
    // Counted only when the list is full: below the limit, the list is everything.
    const total = soonest.length < AGENDA_LIMIT ? soonest.length : this.store.countOpen(nowIso, horizon);
    this.soonestRead = { version, horizon, from: nowIso, until: this.store.nextSnoozeEnd(nowIso, horizon), soonest, total };
    return this.soonestRead;
  }

  private afterTick(): void {
    this.options.onTick?.();
    if (!this.options.onChange) return;
    // What the agenda shows, without its timestamp: an item turning overdue counts, a quiet minute does not.
    const { overdue, today, week } = this.currentAgenda();
    const signature = JSON.stringify([overdue, today, week]);
    if (this.lastSignature !== null && signature !== this.lastSignature) this.options.onChange();
    this.lastSignature = signature;
  }

  private cancelDebounce(): void {
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = null;
    this.burstStartedAt = null;
  }
}

export function createReminderService(options: ReminderServiceOptions): ReminderService {
  return new ReminderService(options);
}
