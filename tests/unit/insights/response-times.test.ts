import { describe, expect, it } from 'vitest';
import { computeResponseTimes } from '#core/insights/response-times';
import { interview, opening, touch } from './rows';

const NOW = new Date('2026-03-20T12:00:00Z');
const run = (rows: Parameters<typeof computeResponseTimes>[0], timeZone = 'UTC') => computeResponseTimes(rows, NOW, timeZone);

describe('computeResponseTimes', () => {
  it('has nothing to say about an empty vault', () => {
    expect(run({ openings: [], interviews: [], touchpoints: [] })).toEqual({ answered: [], median: null, q1: null, q3: null, waiting: 0, longestWaitDays: null, undated: 0 });
  });

  it('counts one opening from its application to their reply', () => {
    const one = opening({ stage: 'applied', appliedOn: '2026-03-01', role: 'Engineer', companyName: 'Acme' });
    const result = run({ openings: [one], interviews: [], touchpoints: [touch(one.id, '2026-03-05T09:00:00Z')] });
    expect(result.answered).toEqual([{ openingId: one.id, name: 'Engineer at Acme', from: 'application', days: 4 }]);
    expect([result.q1, result.median, result.q3]).toEqual([4, 4, 4]);
    expect(result.waiting).toBe(0);
  });

  it('counts the outcome as an answer, and a wait after the last interview separately', () => {
    const offered = opening({ stage: 'offer', appliedOn: '2026-02-01', stageChangedAt: '2026-02-20T15:00:00Z' });
    const rows = {
      openings: [offered],
      interviews: [interview(offered.id, '2026-02-10T10:00:00Z')],
      touchpoints: [touch(offered.id, '2026-02-04T08:00:00Z'), touch(offered.id, '2026-02-01T08:00:00Z', { direction: 'outbound', kind: 'follow_up' })],
    };
    const result = run(rows);
    expect(result.answered.map((wait) => [wait.from, wait.days])).toEqual([
      ['application', 3],
      ['interview', 10],
    ]);
    expect(result.median).toBe(6.5);
  });

  it('keeps ties and orders the waits shortest first', () => {
    const openings = [2, 2, 9].map((days, index) => opening({ stage: 'applied', appliedOn: '2026-03-01', role: `R${index}` }));
    const touchpoints = openings.map((row, index) => touch(row.id, `2026-03-${String(1 + [2, 2, 9][index]!).padStart(2, '0')}T10:00:00Z`));
    const result = run({ openings, interviews: [], touchpoints });
    expect(result.answered.map((wait) => wait.days)).toEqual([2, 2, 9]);
    expect(result.median).toBe(2);
    expect(result.q3).toBe(5.5);
  });

  it('counts open openings still waiting, with the longest wait, and leaves closed ones out', () => {
    const rows = {
      openings: [
        opening({ stage: 'applied', appliedOn: '2026-03-10' }),
        opening({ stage: 'interviewing', appliedOn: '2026-03-15' }),
        opening({ stage: 'withdrawn', appliedOn: '2026-01-01' }),
        opening({ stage: 'dormant', appliedOn: '2026-01-01' }),
      ],
      interviews: [],
      touchpoints: [],
    };
    const result = run(rows);
    expect(result.waiting).toBe(2);
    expect(result.longestWaitDays).toBe(10);
    expect(result.answered).toEqual([]);
    expect(result.median).toBeNull();
  });

  it('is not waiting while an interview is still ahead', () => {
    const ahead = opening({ stage: 'interviewing', appliedOn: '2026-03-01' });
    const result = run({ openings: [ahead], interviews: [interview(ahead.id, '2026-03-25T10:00:00Z')], touchpoints: [] });
    expect(result.waiting).toBe(0);
  });

  it('counts openings without dates apart, instead of guessing', () => {
    const rows = { openings: [opening({ stage: 'applied' }), opening({ stage: 'interested' }), opening({ stage: 'rejected' })], interviews: [], touchpoints: [] };
    const result = run(rows);
    expect(result.undated).toBe(1);
    expect(result.waiting).toBe(0);
    expect(result.answered).toEqual([]);
  });

  it('ignores a message that came before the application, and one dated in the future', () => {
    const early = opening({ stage: 'applied', appliedOn: '2026-03-10' });
    const result = run({ openings: [early], interviews: [], touchpoints: [touch(early.id, '2026-03-08T10:00:00Z'), touch(early.id, '2026-03-25T10:00:00Z')] });
    expect(result.answered).toEqual([]);
    expect(result.waiting).toBe(1);
  });

  it('counts days on the calendar of the given zone', () => {
    const late = opening({ stage: 'applied', appliedOn: '2026-03-01' });
    // 23:30 in New York on 1 March is already 2 March in UTC.
    const rows = { openings: [late], interviews: [], touchpoints: [touch(late.id, '2026-03-02T04:30:00Z')] };
    expect(run(rows, 'America/New_York').answered[0]!.days).toBe(0);
    expect(run(rows, 'UTC').answered[0]!.days).toBe(1);
  });
});
