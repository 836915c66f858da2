import { describe, expect, it } from 'vitest';
import * as machine from '#core/reminders/service-state';
import type { PlanState, ServiceState } from '#core/reminders/service-state';

const T = Date.parse('2026-03-02T09:00:00.000Z');
const ZONE = 'Europe/Berlin';
const at = (now = T, timeZone = ZONE): machine.Moment => ({ now, timeZone });
const DEBOUNCE = { quietMs: 500, maxWaitMs: 5_000 };
const WRITTEN = { changesAt: '2026-03-02T10:00:00.000Z', timeZone: ZONE };

const idle = (plan: PlanState = { name: 'unplanned' }): ServiceState => ({ ...machine.INITIAL_STATE, plan });
const running = (plan: PlanState, extra: Partial<ServiceState> = {}): ServiceState => ({ ...machine.INITIAL_STATE, lifecycle: { name: 'running' }, plan, ...extra });
const current = (changesAt: number | null = T + 3_600_000, timeZone = ZONE): PlanState => ({ name: 'current', changesAt, timeZone });
const planning = (fields: Partial<Extract<PlanState, { name: 'planning' }>> = {}): PlanState => ({ name: 'planning', pass: 1, writesWaiting: false, writtenSince: false, again: false, ...fields });
const types = (transition: machine.Transition) => transition.effects.map((effect) => effect.type);

describe('reminder service states: starting and stopping', () => {
  it('idle → starting soon: arms the start', () => {
    const next = machine.startSoon(idle(), T, 1_000);
    expect(next.state.lifecycle).toEqual({ name: 'startingSoon', at: T + 1_000 });
    expect(next.effects).toEqual([{ type: 'armStart', delayMs: 1_000 }]);
  });

  it('starting soon: asking for an earlier start brings it nearer; a later one changes nothing', () => {
    const soon = machine.startSoon(idle(), T, 60_000).state;
    expect(machine.startSoon(soon, T, 10).state.lifecycle).toEqual({ name: 'startingSoon', at: T + 10 });
    expect(machine.startSoon(soon, T, 10).effects).toEqual([{ type: 'armStart', delayMs: 10 }]);
    expect(machine.startSoon(soon, T, 90_000)).toEqual({ state: soon, effects: [] });
  });

  it('running: a start soon changes nothing', () => {
    const state = running(current());
    expect(machine.startSoon(state, T, 10)).toEqual({ state, effects: [] });
  });

  it('idle or starting soon → running: plans in the background (the start timer, if any, is cancelled)', () => {
    const fromIdle = machine.start(idle());
    expect(fromIdle.state.lifecycle).toEqual({ name: 'running' });
    expect(fromIdle.state.plan).toEqual(planning({ pass: 1 }));
    expect(fromIdle.effects).toEqual([{ type: 'planInBackground', pass: 1 }]);
    const fromSoon = machine.start(machine.startSoon(idle(), T, 1_000).state);
    expect(types(fromSoon)).toEqual(['cancelStart', 'planInBackground']);
  });

  it('a start with writes waiting counts them as waiting for its pass', () => {
    expect(machine.start(idle({ name: 'stale' })).state.plan).toEqual(planning({ pass: 1, writesWaiting: true }));
  });

  it('running → idle: stops the timer; the start’s own pass unfinished with nothing written is left, the plan unplanned', () => {
    const next = machine.stop(running(planning()));
    expect(next.state.lifecycle).toEqual({ name: 'idle' });
    expect(next.state.plan).toEqual({ name: 'unplanned' });
    expect(types(next)).toEqual(['stopTimer']);
  });

  it('running → idle with writes waiting: cancels their debounce and writes the plan down on the way out', () => {
    const next = machine.stop(running({ name: 'stale' }, { burstStartedAt: T }));
    expect(types(next)).toEqual(['stopTimer', 'cancelDebounce', 'planNow']);
    expect(next.state.burstStartedAt).toBeNull();
    // A write that came while a pass ran counts too.
    expect(types(machine.stop(running(planning({ writtenSince: true }))))).toEqual(['stopTimer', 'planNow']);
  });

  it('starting soon → idle: cancels the start; idle with writes waiting plans nothing (reads will)', () => {
    expect(types(machine.stop(machine.startSoon(idle({ name: 'stale' }), T, 1_000).state))).toEqual(['cancelStart', 'stopTimer']);
    expect(machine.stop(idle({ name: 'stale' })).state.plan).toEqual({ name: 'stale' });
  });
});

describe('reminder service states: writes', () => {
  it('idle: a write leaves the plan stale and arms nothing', () => {
    expect(machine.write(idle(current()), T, DEBOUNCE)).toEqual({ state: idle({ name: 'stale' }), effects: [] });
  });

  it('running: a write starts a burst and arms its debounce', () => {
    const next = machine.write(running(current()), T, DEBOUNCE);
    expect(next.state.plan).toEqual({ name: 'stale' });
    expect(next.state.burstStartedAt).toBe(T);
    expect(next.effects).toEqual([{ type: 'armDebounce', delayMs: 500 }]);
  });

  it('running: writes in a burst re-arm the debounce, never past the burst’s maximum wait', () => {
    const burst = running({ name: 'stale' }, { burstStartedAt: T });
    expect(machine.write(burst, T + 4_800, DEBOUNCE).effects).toEqual([{ type: 'armDebounce', delayMs: 200 }]);
    expect(machine.write(burst, T + 6_000, DEBOUNCE).effects).toEqual([{ type: 'armDebounce', delayMs: 0 }]);
    expect(machine.write(burst, T + 4_800, DEBOUNCE).state.burstStartedAt).toBe(T);
  });

  it('planning: a write marks the pass as having a write after it began', () => {
    expect(machine.write(running(planning()), T, DEBOUNCE).state.plan).toEqual(planning({ writtenSince: true }));
  });
});

describe('reminder service states: background plans', () => {
  it('stale → planning: the burst’s debounce goes, the pass takes the next id', () => {
    const next = machine.planInBackground(running({ name: 'stale' }, { burstStartedAt: T, nextPass: 7 }));
    expect(next.state.plan).toEqual(planning({ pass: 7, writesWaiting: true }));
    expect(next.state.nextPass).toBe(8);
    expect(next.effects).toEqual([{ type: 'cancelDebounce' }, { type: 'planInBackground', pass: 7 }]);
  });

  it('planning: asked again, the pass runs again when it lands', () => {
    const next = machine.planInBackground(running(planning({ writtenSince: true })));
    expect(next.state.plan).toEqual(planning({ writtenSince: true, again: true }));
    expect(next.effects).toEqual([]);
  });

  it('planning → current: the pass landed with nothing written since; it rings', () => {
    const next = machine.landed(running(planning()), 1, WRITTEN);
    expect(next.state.plan).toEqual(current(Date.parse(WRITTEN.changesAt)));
    expect(next.effects).toEqual([{ type: 'ring' }]);
  });

  it('planning → stale: a write came while it ran, its debounce still armed; it rings from the new plan and waits', () => {
    const next = machine.landed(running(planning({ writtenSince: true }), { burstStartedAt: T }), 1, WRITTEN);
    expect(next.state.plan).toEqual({ name: 'stale' });
    expect(types(next)).toEqual(['ring']);
  });

  it('planning → planning: the write’s debounce ended while it ran, so the next pass starts as it lands', () => {
    const next = machine.landed(running(planning({ writtenSince: true, again: true }), { nextPass: 2 }), 1, WRITTEN);
    expect(next.state.plan).toEqual(planning({ pass: 2, writesWaiting: true }));
    expect(next.effects).toEqual([{ type: 'ring' }, { type: 'planInBackground', pass: 2 }]);
  });

  it('a pass that failed leaves the plan to plan again (stale with writes, else unplanned), and rings from the table', () => {
    expect(machine.landed(running(planning()), 1, null).state.plan).toEqual({ name: 'unplanned' });
    expect(machine.landed(running(planning({ writesWaiting: true, again: true })), 1, null)).toEqual({
      state: running({ name: 'stale' }),
      effects: [{ type: 'ring' }],
    });
  });

  it('a pass that was overtaken changes nothing', () => {
    const state = running(planning({ pass: 2 }));
    expect(machine.landed(state, 1, WRITTEN)).toEqual({ state, effects: [] });
    expect(machine.landed(running(current()), 1, WRITTEN)).toEqual({ state: running(current()), effects: [] });
  });
});

describe('reminder service states: planning at once', () => {
  it('running: overtakes a pass on its way, cancels the debounce, plans and rings', () => {
    const next = machine.planNow(running(planning(), { burstStartedAt: T }));
    expect(next.state.plan).toEqual({ name: 'stale' });
    expect(next.effects).toEqual([{ type: 'cancelDebounce' }, { type: 'planNow' }, { type: 'ring' }]);
  });

  it('idle: plans without ringing', () => {
    expect(types(machine.planNow(idle({ name: 'stale' })))).toEqual(['planNow']);
  });

  it('written → current, holding until the plan’s next change in its zone', () => {
    expect(machine.written(idle({ name: 'stale' }), { changesAt: null, timeZone: 'Asia/Kolkata' }).state.plan).toEqual(current(null, 'Asia/Kolkata'));
  });
});

describe('reminder service states: the clock', () => {
  it('a plan holds until its next change, in its own zone', () => {
    expect(machine.outdated(current(T + 1), at(T))).toBe(false);
    expect(machine.outdated(current(T + 1), at(T + 1))).toBe(true);
    expect(machine.outdated(current(null), at(T + 10 ** 12))).toBe(false);
    expect(machine.outdated(current(null), at(T, 'America/Santiago'))).toBe(true);
    expect(machine.outdated({ name: 'stale' }, at(T + 10 ** 12))).toBe(false);
  });

  it('timer tick, plan current: rings', () => {
    expect(machine.timerTick(running(current()), at())).toEqual({ state: running(current()), effects: [] });
  });

  it('timer tick, writes waiting: plans them at once first (overtaking a pass), then rings', () => {
    expect(types(machine.timerTick(running({ name: 'stale' }, { burstStartedAt: T }), at()))).toEqual(['cancelDebounce', 'planNow']);
    const overtaken = machine.timerTick(running(planning({ writtenSince: true })), at());
    expect(overtaken.state.plan).toEqual({ name: 'stale' });
    expect(types(overtaken)).toEqual(['planNow']);
    expect(types(machine.timerTick(running({ name: 'unplanned' }), at()))).toEqual(['planNow']);
  });

  it('timer tick, a pass on its way with no write: rings from the table', () => {
    expect(machine.timerTick(running(planning()), at()).effects).toEqual([]);
  });

  it('timer tick, the clock reached the plan’s next change: plans in the background and holds this ring', () => {
    const next = machine.timerTick(running(current(T)), at(T));
    expect(next.state.plan).toEqual(planning({ pass: 1 }));
    expect(next.effects).toEqual([{ type: 'planInBackground', pass: 1 }, { type: 'holdRing' }]);
  });

  it('timer tick in another zone: plans in the background and holds this ring', () => {
    expect(types(machine.timerTick(running(current(null)), at(T, 'Pacific/Auckland')))).toEqual(['planInBackground', 'holdRing']);
  });
});

describe('reminder service states: looking again (resume, unlock)', () => {
  it('running: rings a current plan; plans writes at once; plans an outdated one in the background; leaves a pass to ring', () => {
    expect(machine.look(running(current()), at()).effects).toEqual([{ type: 'ring' }]);
    expect(types(machine.look(running({ name: 'stale' }), at()))).toEqual(['planNow', 'ring']);
    expect(types(machine.look(running(current(T)), at()))).toEqual(['planInBackground']);
    expect(machine.look(running(planning()), at()).effects).toEqual([]);
  });

  it('idle: plans on the spot what needs it, rings nothing', () => {
    expect(types(machine.look(idle(), at()))).toEqual(['planNow']);
    expect(types(machine.look(idle(current(T)), at()))).toEqual(['planNow']);
    expect(machine.look(idle(current()), at()).effects).toEqual([]);
  });
});

describe('reminder service states: reads and actions', () => {
  it('idle: a read brings the plan up to date on the spot (never planned, writes waiting, or outdated by the clock or zone)', () => {
    expect(types(machine.read(idle(), at()))).toEqual(['planNow']);
    expect(types(machine.read(idle({ name: 'stale' }), at()))).toEqual(['planNow']);
    expect(types(machine.read(idle(current(T)), at()))).toEqual(['planNow']);
    expect(types(machine.read(idle(current()), at(T, 'Asia/Kolkata')))).toEqual(['planNow']);
    expect(machine.read(idle(current()), at()).effects).toEqual([]);
  });

  it('starting soon: a read answers from the stored plan', () => {
    expect(machine.read(machine.startSoon(idle(), T, 1_000).state, at()).effects).toEqual([]);
  });

  it('running: a read leaves writes to their debounce, and plans an outdated plan in the background', () => {
    expect(machine.read(running({ name: 'stale' }, { burstStartedAt: T }), at()).effects).toEqual([]);
    expect(types(machine.read(running(current()), at(T, 'America/Havana')))).toEqual(['planInBackground']);
    expect(machine.read(running(planning()), at(T + 10 ** 9)).effects).toEqual([]);
  });

  it('an action plans writes waiting at once, unless a pass is on its way', () => {
    expect(types(machine.act(running({ name: 'stale' }), at()))).toEqual(['planNow', 'ring']);
    expect(types(machine.act(machine.startSoon(idle(), T, 1_000).state, at()))).toEqual(['planNow']);
    expect(machine.act(running(planning({ writtenSince: true })), at()).effects).toEqual([]);
    expect(machine.act(running(current()), at()).effects).toEqual([]);
  });

  it('an action on a plan only the clock outdated: in the background once started, at once before', () => {
    expect(types(machine.act(running(current(T)), at()))).toEqual(['planInBackground']);
    expect(types(machine.act(idle(current(T)), at()))).toEqual(['planNow']);
  });
});
