import { describe, expect, it } from 'vitest';
import { computeFunnel } from '#core/insights/funnel';
import { interview, opening } from './rows';

const reached = (funnel: ReturnType<typeof computeFunnel>) => Object.fromEntries(funnel.steps.map((step) => [step.stage, step.reached]));

describe('computeFunnel', () => {
  it('counts nothing in an empty vault, with no conversion to divide by zero', () => {
    const funnel = computeFunnel({ openings: [], interviews: [] });
    expect(funnel.total).toBe(0);
    expect(funnel.steps.map((step) => step.reached)).toEqual([0, 0, 0, 0, 0]);
    expect(funnel.steps.every((step) => step.fromPrevious === null)).toBe(true);
    expect(funnel.exits).toEqual({ rejected: 0, withdrawn: 0, dormant: 0 });
  });

  it('counts one opening at every stage up to its own', () => {
    const funnel = computeFunnel({ openings: [opening({ stage: 'offer' })], interviews: [] });
    expect(reached(funnel)).toEqual({ interested: 1, applied: 1, interviewing: 1, offer: 1, accepted: 0 });
    expect(funnel.steps.map((step) => step.fromPrevious)).toEqual([null, 1, 1, 1, 0]);
  });

  it('gives the share of the step before', () => {
    const openings = [opening({ stage: 'interested' }), opening({ stage: 'applied' }), opening({ stage: 'applied' }), opening({ stage: 'interviewing' })];
    const funnel = computeFunnel({ openings, interviews: [] });
    expect(reached(funnel)).toMatchObject({ interested: 4, applied: 3, interviewing: 1 });
    expect(funnel.steps[1]!.fromPrevious).toBe(0.75);
    expect(funnel.steps[2]!.fromPrevious).toBeCloseTo(1 / 3);
    expect(funnel.steps[3]!.fromPrevious).toBe(0);
    expect(funnel.steps[4]!.fromPrevious).toBeNull();
  });

  it('credits a closed opening with the steps its evidence shows', () => {
    const interviewedThenRejected = opening({ stage: 'rejected' });
    const openings = [
      interviewedThenRejected,
      opening({ stage: 'rejected' }),
      opening({ stage: 'withdrawn' }),
      opening({ stage: 'withdrawn', appliedOn: '2026-01-10' }),
      opening({ stage: 'dormant' }),
    ];
    const funnel = computeFunnel({ openings, interviews: [interview(interviewedThenRejected.id, '2026-02-01T10:00:00Z')] });
    expect(reached(funnel)).toEqual({ interested: 5, applied: 4, interviewing: 1, offer: 0, accepted: 0 });
    expect(funnel.exits).toEqual({ rejected: 2, withdrawn: 2, dormant: 1 });
  });

  it('counts an interested opening with an application date or an interview as further along', () => {
    const withInterview = opening({ stage: 'interested' });
    const funnel = computeFunnel({ openings: [opening({ stage: 'interested', appliedOn: '2026-01-02' }), withInterview], interviews: [interview(withInterview.id, '2026-02-01T10:00:00Z')] });
    expect(reached(funnel)).toMatchObject({ interested: 2, applied: 2, interviewing: 1 });
  });
});
