import type { WrittenPlan } from './planner';

/**
 * The reminder service's states and every transition between them, as pure
 * functions: each takes the state and an event and answers the next state
 * and what to do (the effects), which the service carries out. Nothing here
 * touches a timer, the vault or the clock, so each transition is tested on
 * its own (tests/unit/playbook/service-state.test.ts).
 */

/** Where the service is in its life. */
export type Lifecycle =
  /** Not started, or stopped: no timer runs, and reads bring the plan up to date on the spot. */
  | { name: 'idle' }
  /** A start is on its way (startSoon): reads answer from the plan as stored, without planning. */
  | { name: 'startingSoon'; at: number }
  /** Started: the timer rings, and plans run in the background, a slice at a time. */
  | { name: 'running' };

/** What the plan stored in the vault stands for. */
export type PlanState =
  /** Not planned by this service yet: the table holds what an earlier run wrote. */
  | { name: 'unplanned' }
  /** Planned after every write, at a clock and zone; it holds until `changesAt` (epoch ms, null: for good) in that zone. */
  | { name: 'current'; changesAt: number | null; timeZone: string }
  /** Writes wait to be planned (once started, a debounce is armed for them). */
  | { name: 'stale' }
  /**
   * A plan runs in the background as pass `pass`. `writesWaiting`: writes
   * came before it that no plan has written down yet; `writtenSince`: a write
   * came after it began, so it will need a plan of its own; `again`: that
   * write's debounce ended already, so the next plan starts as this one lands.
   */
  | { name: 'planning'; pass: number; writesWaiting: boolean; writtenSince: boolean; again: boolean };

export interface ServiceState {
  lifecycle: Lifecycle;
  plan: PlanState;
  /** When the current burst of writes began (its debounce is armed), or null. */
  burstStartedAt: number | null;
  /** The id the next background pass takes: a pass whose id is no longer the plan's was overtaken. */
  nextPass: number;
}

export type Effect =
  /** Arm the start timer for `delayMs` (the one armed before, if any, is cancelled first). */
  | { type: 'armStart'; delayMs: number }
  | { type: 'cancelStart' }
  /** Arm the debounce of a burst of writes (the one armed before, if any, is cancelled first). */
  | { type: 'armDebounce'; delayMs: number }
  | { type: 'cancelDebounce' }
  /** Plan the whole vault in slices, letting the event loop run; report with `landed`. */
  | { type: 'planInBackground'; pass: number }
  /** Plan the whole vault at once, holding the thread; report with `written`. */
  | { type: 'planNow' }
  /** Ring what is due from the plan as stored and arm the timer. */
  | { type: 'ring' }
  /** Stop the timer. */
  | { type: 'stopTimer' }
  /** This tick of the timer does not ring: a plan is on its way and rings when it lands. */
  | { type: 'holdRing' };

export interface Transition {
  state: ServiceState;
  effects: Effect[];
}

/** How long a burst of writes waits: this long after its last write, or this long after its first, whichever is sooner. */
export interface Debounce {
  quietMs: number;
  maxWaitMs: number;
}

/** The clock and zone an event happens at (epoch ms; the user's zone as asked then). */
export interface Moment {
  now: number;
  timeZone: string;
}

export const INITIAL_STATE: ServiceState = { lifecycle: { name: 'idle' }, plan: { name: 'unplanned' }, burstStartedAt: null, nextPass: 1 };

const stay = (state: ServiceState): Transition => ({ state, effects: [] });

/** Writes no plan has written down yet. */
export function writesWaiting(plan: PlanState): boolean {
  return plan.name === 'stale' || (plan.name === 'planning' && (plan.writesWaiting || plan.writtenSince));
}

/** The stored plan was made for every write but the clock has since reached a change it depends on, or the user's zone changed. */
export function outdated(plan: PlanState, at: Moment): boolean {
  return plan.name === 'current' && ((plan.changesAt !== null && at.now >= plan.changesAt) || plan.timeZone !== at.timeZone);
}

/** The plan cannot be answered from as it is: never planned here, writes waiting, or outdated by the clock. */
function needsPlan(plan: PlanState, at: Moment): boolean {
  return plan.name === 'unplanned' || plan.name === 'stale' || outdated(plan, at);
}

/** The burst's debounce, if one is armed, goes. */
function endBurst(state: ServiceState, effects: Effect[]): ServiceState {
  if (state.burstStartedAt === null) return state;
  effects.push({ type: 'cancelDebounce' });
  return { ...state, burstStartedAt: null };
}

/** Asks for a start after `delayMs`; asking again can bring it nearer, never push it back. */
export function startSoon(state: ServiceState, now: number, delayMs: number): Transition {
  const at = now + delayMs;
  const { lifecycle } = state;
  if (lifecycle.name === 'running' || (lifecycle.name === 'startingSoon' && at >= lifecycle.at)) return stay(state);
  return { state: { ...state, lifecycle: { name: 'startingSoon', at } }, effects: [{ type: 'armStart', delayMs }] };
}

/** Starts: the timer will ring once a plan made in the background lands. */
export function start(state: ServiceState): Transition {
  const effects: Effect[] = state.lifecycle.name === 'startingSoon' ? [{ type: 'cancelStart' }] : [];
  const started = planInBackground({ ...state, lifecycle: { name: 'running' } });
  return { state: started.state, effects: [...effects, ...started.effects] };
}

/**
 * Plans in the background: the burst's debounce goes (this plan covers its
 * writes); asked while a plan runs, that one runs again when it lands.
 */
export function planInBackground(state: ServiceState): Transition {
  const effects: Effect[] = [];
  const next = endBurst(state, effects);
  if (next.plan.name === 'planning') return { state: { ...next, plan: { ...next.plan, again: true } }, effects };
  const pass = next.nextPass;
  effects.push({ type: 'planInBackground', pass });
  return {
    state: { ...next, nextPass: pass + 1, plan: { name: 'planning', pass, writesWaiting: next.plan.name === 'stale', writtenSince: false, again: false } },
    effects,
  };
}

/**
 * Stops: no timer, no start on its way, no plan in the background. If writes
 * wait, the plan is written down first, so the vault holds the plan of its
 * last write; the start's own plan unfinished with no write waiting is left
 * (the stored plan is as good, and the next start plans anyway).
 */
export function stop(state: ServiceState): Transition {
  const effects: Effect[] = [];
  if (state.lifecycle.name === 'startingSoon') effects.push({ type: 'cancelStart' });
  effects.push({ type: 'stopTimer' });
  let next = endBurst(state, effects);
  const wasRunning = state.lifecycle.name === 'running';
  const waiting = writesWaiting(next.plan);
  const plan: PlanState = next.plan.name === 'planning' ? (waiting ? { name: 'stale' } : { name: 'unplanned' }) : next.plan;
  next = { ...next, lifecycle: { name: 'idle' }, plan };
  if (wasRunning && waiting) effects.push({ type: 'planNow' });
  return { state: next, effects };
}

/** The vault changed. Once started, the burst's debounce is armed again (never past its maximum wait). */
export function write(state: ServiceState, now: number, debounce: Debounce): Transition {
  const plan: PlanState = state.plan.name === 'planning' ? { ...state.plan, writtenSince: true } : { name: 'stale' };
  if (state.lifecycle.name !== 'running') return stay({ ...state, plan });
  const burstStartedAt = state.burstStartedAt ?? now;
  const delayMs = Math.max(0, Math.min(debounce.quietMs, burstStartedAt + debounce.maxWaitMs - now));
  return { state: { ...state, plan, burstStartedAt }, effects: [{ type: 'armDebounce', delayMs }] };
}

/**
 * A background pass ended: `written` is what it wrote, or null if it failed
 * (the table then holds part of it; the next tick or write plans again). A
 * pass that was overtaken changes nothing. Once started, it rings; a write
 * whose debounce ended while it ran gets its own pass now, and one whose
 * debounce is still armed waits for it.
 */
export function landed(state: ServiceState, pass: number, written: WrittenPlan | null): Transition {
  const { plan } = state;
  if (plan.name !== 'planning' || plan.pass !== pass) return stay(state);
  const after: PlanState =
    written === null
      ? plan.writesWaiting || plan.writtenSince
        ? { name: 'stale' }
        : { name: 'unplanned' }
      : plan.writtenSince
        ? { name: 'stale' }
        : current(written);
  let next: ServiceState = { ...state, plan: after };
  const effects: Effect[] = [];
  if (next.lifecycle.name === 'running') effects.push({ type: 'ring' });
  if (written !== null && plan.again) {
    const again = planInBackground(next);
    next = again.state;
    effects.push(...again.effects);
  }
  return { state: next, effects };
}

/** Plans at once, holding the thread (a setting changed, an action needs the plan as it stands); once started, it rings. */
export function planNow(state: ServiceState): Transition {
  const effects: Effect[] = [];
  const next = endBurst(state, effects);
  effects.push({ type: 'planNow' });
  if (next.lifecycle.name === 'running') effects.push({ type: 'ring' });
  // A pass still running is overtaken: its id is no longer the plan's.
  return { state: { ...next, plan: next.plan.name === 'planning' ? { name: 'stale' } : next.plan }, effects };
}

/** A plan made at once was written down. */
export function written(state: ServiceState, plan: WrittenPlan): Transition {
  return stay({ ...state, plan: current(plan) });
}

/**
 * The timer is about to ring. Writes waiting are planned first, at once, so
 * nothing rings from a plan they changed (a pass on its way for them is
 * overtaken). A plan the clock or a zone change outdated is planned again in
 * the background, and this tick holds its ring until it lands.
 */
export function timerTick(state: ServiceState, at: Moment): Transition {
  const { plan } = state;
  if (plan.name === 'unplanned' || writesWaiting(plan)) {
    const effects: Effect[] = [];
    const next = endBurst(state, effects);
    effects.push({ type: 'planNow' });
    return { state: { ...next, plan: next.plan.name === 'planning' ? { name: 'stale' } : next.plan }, effects };
  }
  if (outdated(plan, at)) {
    const again = planInBackground(state);
    return { state: again.state, effects: [...again.effects, { type: 'holdRing' }] };
  }
  return stay(state);
}

/**
 * Look again now: after a resume, an unlock or a clock change. A plan on its
 * way rings when it lands; writes waiting are planned at once; a plan the
 * clock outdated is planned again in the background (at once when idle).
 */
export function look(state: ServiceState, at: Moment): Transition {
  const { plan, lifecycle } = state;
  if (plan.name === 'planning') return stay(state);
  if (lifecycle.name !== 'running') return needsPlan(plan, at) ? planNow(state) : stay(state);
  if (plan.name === 'unplanned' || plan.name === 'stale') return planNow(state);
  if (outdated(plan, at)) return planInBackground(state);
  return { state, effects: [{ type: 'ring' }] };
}

/**
 * Someone reads what is due (Today, the tray). Before a start, the plan is
 * brought up to date on the spot, so an answer never lags a write; with a
 * start on its way, the stored plan answers; once started, a plan the clock
 * or a zone change outdated is planned again in the background (writes have
 * their debounce), and the stored plan answers meanwhile.
 */
export function read(state: ServiceState, at: Moment): Transition {
  const { plan, lifecycle } = state;
  if (lifecycle.name === 'idle') return needsPlan(plan, at) ? planNow(state) : stay(state);
  if (lifecycle.name === 'running' && outdated(plan, at)) return planInBackground(state);
  return stay(state);
}

/**
 * The user acts on an item (opens, snoozes, finishes it): writes waiting are
 * planned at once unless a plan is on its way (it keeps what the user does
 * meanwhile); a plan only the clock outdated is left to the background once started.
 */
export function act(state: ServiceState, at: Moment): Transition {
  const { plan, lifecycle } = state;
  if (plan.name === 'unplanned' || plan.name === 'stale') return planNow(state);
  if (outdated(plan, at)) return lifecycle.name === 'running' ? planInBackground(state) : planNow(state);
  return stay(state);
}

function current(plan: WrittenPlan): PlanState {
  return { name: 'current', changesAt: plan.changesAt === null ? null : Date.parse(plan.changesAt), timeZone: plan.timeZone };
}
