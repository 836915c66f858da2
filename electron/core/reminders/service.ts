import type { Agenda, ReminderView } from '#shared/domain/reminder';
import { snoozeUntil, type SnoozeChoice } from '#shared/domain/snooze';
import { AppError } from '../errors';
import { createSettingsService, type SettingsService } from '../settings/service';
import { systemTimeZone } from '../system-time-zone';
import type { Db } from '../vault/connection';
import { AGENDA_LIMIT, agendaHorizon, buildAgenda, toView } from './agenda';
import { createPlanner, type PlanInput, type Planner, type WrittenPlan } from './planner';
import { ReminderScheduler, type Timers } from './scheduler';
import * as machine from './service-state';
import { createReminderStore, type Reminder, type ReminderStore } from '../vault/repositories/reminders';

export interface ReminderServiceOptions {
  db: Db;
  now: () => Date;
  timers?: Timers;
  /** The user's zone, asked afresh each time: a laptop travels, and a change re-plans. */
  timeZone?: () => string;
  /** The vault's settings (one per vault, shared with the handlers); made here if not given. A save re-plans. */
  settings?: SettingsService;
  /** Shows reminders that just rang; the shells turn them into notifications. */
  notify?(reminders: Reminder[]): void;
  /** Whether the system can show notifications now; while it cannot, alerts are held, not used up. */
  canNotify?(): boolean;
  /** After every tick, e.g. to refresh the tray. */
  onTick?(): void;
  /** After a tick that changed what the agenda shows. */
  onChange?(): void;
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
 * after each burst of writes (debounced), when the clock reaches a moment the
 * plan depends on (an interview ends or starts) and when the user's zone
 * changes. Reads answer from the plan as stored meanwhile; onChange tells the
 * pages when a new one lands. A tick, an action on an item and stopping write
 * a waiting re-plan down first.
 *
 * Its states and their transitions are in service-state.ts; this class
 * carries out what each transition asks (timers, plans, rings).
 */
export class ReminderService {
  readonly store: ReminderStore;
  readonly settings: SettingsService;
  private readonly scheduler: ReminderScheduler;
  private readonly timers: Timers;
  private readonly timeZone: () => string;
  private readonly planner: Planner;
  private state: machine.ServiceState = machine.INITIAL_STATE;
  private startTimer: unknown = null;
  private debounceTimer: unknown = null;
  /** The background pass on its way, for settled() and start(). */
  private pass: Promise<void> | null = null;
  private lastSignature: string | null = null;
  private soonestRead: SoonestRead | null = null;

  constructor(private readonly options: ReminderServiceOptions) {
    this.store = createReminderStore(options.db);
    this.settings = options.settings ?? createSettingsService(options.db);
    this.timers = options.timers ?? realTimers;
    this.timeZone = options.timeZone ?? systemTimeZone;
    this.planner = createPlanner(options.db, this.store);
    // New timings change the plan: re-plan at once, before the shell hears of the save.
    this.settings.onSaved(() => this.replanNow());
    this.scheduler = new ReminderScheduler({
      store: this.store,
      writePlan: () => this.replanNow(),
      clock: { now: options.now },
      timers: this.timers,
      notify: (reminders) => options.notify?.(reminders),
      preferences: () => {
        const settings = this.settings.get();
        return { quietHours: settings.quietHours, timeZone: this.timeZone(), notifications: settings.notifications && (options.canNotify?.() ?? true) };
      },
      beforeTick: () => {
        try {
          return !this.apply(machine.timerTick(this.state, this.moment())).some((effect) => effect.type === 'holdRing');
        } catch {
          // Ring from the plan as stored; the next tick or write tries the re-plan again.
          return true;
        }
      },
      planChangesAt: () => (this.state.plan.name === 'current' ? this.state.plan.changesAt : null),
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
    this.apply(machine.start(this.state));
    return this.pass ?? Promise.resolve();
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
    this.apply(machine.startSoon(this.state, this.options.now().getTime(), delayMs));
  }

  /** Stops the timer; a re-plan still waiting is written down first, so the vault holds the plan of its last write. */
  stop(): void {
    try {
      this.apply(machine.stop(this.state));
    } catch {
      // Stopping (quitting) must go on: the next start() plans afresh from the vault anyway.
    }
  }

  /** Looks again now: after a resume, an unlock, or a clock or zone change. */
  tick(): void {
    this.apply(machine.look(this.state, this.moment()));
  }

  /**
   * The vault changed: re-plan once the burst of writes is over. A re-plan
   * reads the whole plan, so typing in a note must not run one per keystroke
   * save. Before start() there is no timer, and reads flush it instead.
   */
  planSoon(): void {
    const debounce = { quietMs: this.options.quietMs ?? REPLAN_QUIET_MS, maxWaitMs: this.options.maxWaitMs ?? REPLAN_MAX_WAIT_MS };
    this.apply(machine.write(this.state, this.options.now().getTime(), debounce));
  }

  /** Plans at once, holding the thread (a setting changed, or an action needs the plan as it stands). */
  replanNow(): void {
    this.apply(machine.planNow(this.state));
  }

  /**
   * Plans a slice of openings at a time, the event loop free in between, then
   * ticks (rings what is due, arms the timer) and tells the pages if the
   * agenda changed. Asked for while one runs, returns that one and runs again
   * when it lands.
   */
  replanInBackground(): Promise<void> {
    this.apply(machine.planInBackground(this.state));
    return this.pass ?? Promise.resolve();
  }

  /** Resolves once no plan runs in the background (for tools and tests). */
  async settled(): Promise<void> {
    while (this.pass) await this.pass;
  }

  /** What is due, as the vault holds it: a pending re-plan is not waited for once started (see the class). */
  agenda(): Agenda {
    this.apply(machine.read(this.state, this.moment()));
    return this.currentAgenda();
  }

  /** What the tray shows: how many items are due now, and the next few in order of urgency. */
  due(limit: number): { count: number; next: ReminderView[] } {
    this.apply(machine.read(this.state, this.moment()));
    const agenda = this.currentAgenda();
    const all = [...agenda.overdue, ...agenda.today, ...agenda.week];
    return { count: this.store.countOpen(agenda.now, agenda.now), next: all.slice(0, limit) };
  }

  get(key: string): ReminderView | null {
    this.beforeAction();
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
    this.beforeAction();
    return this.change(key, () => this.scheduler.snooze(key, until));
  }

  done(key: string): ReminderView {
    this.beforeAction();
    return this.change(key, () => this.scheduler.done(key));
  }

  dismiss(key: string): ReminderView {
    this.beforeAction();
    return this.change(key, () => this.scheduler.dismiss(key));
  }

  reopen(key: string): ReminderView {
    this.beforeAction();
    return this.change(key, () => this.scheduler.reopen(key));
  }

  /** Takes a transition and carries out its effects, in order; answers them for the caller that needs to know (the timer's tick). */
  private apply(transition: machine.Transition): machine.Effect[] {
    this.state = transition.state;
    for (const effect of transition.effects) this.carryOut(effect);
    return transition.effects;
  }

  private carryOut(effect: machine.Effect): void {
    switch (effect.type) {
      case 'armStart':
        this.clearStartTimer();
        this.startTimer = this.timers.setTimeout(() => {
          this.startTimer = null;
          // A failure to arm leaves the stored plan in place; the next tick or write plans again.
          this.start().then(
            () => {
              if (this.state.lifecycle.name === 'running') this.options.onChange?.();
            },
            () => undefined,
          );
        }, effect.delayMs);
        return;
      case 'cancelStart':
        this.clearStartTimer();
        return;
      case 'armDebounce':
        this.clearDebounceTimer();
        this.debounceTimer = this.timers.setTimeout(() => {
          this.debounceTimer = null;
          void this.replanInBackground();
        }, effect.delayMs);
        return;
      case 'cancelDebounce':
        this.clearDebounceTimer();
        return;
      case 'planInBackground':
        this.runPass(effect.pass);
        return;
      case 'planNow':
        this.apply(machine.written(this.state, this.planner.planAll(this.planInput())));
        return;
      case 'ring':
        this.scheduler.resume();
        return;
      case 'stopTimer':
        this.scheduler.stop();
        return;
      case 'holdRing':
        return;
    }
  }

  private runPass(id: number): void {
    const cancelled = () => this.state.plan.name !== 'planning' || this.state.plan.pass !== id;
    const land = (written: WrittenPlan | null) => {
      if (this.pass === promise) this.pass = null;
      this.apply(machine.landed(this.state, id, written));
    };
    const promise: Promise<void> = this.planner.planInSlices(this.planInput(), this.options.yieldToLoop ?? nextTurnOfTheLoop, cancelled).then(land, () => land(null));
    this.pass = promise;
  }

  /** Before an action on an item: writes waiting are written down, so the item is the one the user saw. */
  private beforeAction(): void {
    this.apply(machine.act(this.state, this.moment()));
  }

  private moment(): machine.Moment {
    return { now: this.options.now().getTime(), timeZone: this.timeZone() };
  }

  private planInput(): PlanInput {
    return { settings: this.settings.get().playbook, now: this.options.now(), timeZone: this.timeZone() };
  }

  private change(key: string, apply: () => boolean): ReminderView {
    if (!this.store.get(key)) throw new AppError('NOT_FOUND', 'That reminder is no longer there; the plan may have changed.');
    apply();
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

  private clearStartTimer(): void {
    if (this.startTimer !== null) this.timers.clearTimeout(this.startTimer);
    this.startTimer = null;
  }

  private clearDebounceTimer(): void {
    if (this.debounceTimer !== null) this.timers.clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
  }
}

export function createReminderService(options: ReminderServiceOptions): ReminderService {
  return new ReminderService(options);
}
