import { describe, expect, it } from 'vitest';
import { buildTimeline } from '#core/insights/timeline';
import { interview, opening, touch } from './rows';

describe('buildTimeline', () => {
  it('is empty for an opening with nothing dated yet', () => {
    expect(buildTimeline({ openings: [opening()], interviews: [], touchpoints: [] }, 'UTC')).toEqual([]);
    expect(buildTimeline({ openings: [], interviews: [], touchpoints: [] }, 'UTC')).toEqual([]);
  });

  it('puts every kind of event in order, oldest first', () => {
    const row = opening({ stage: 'rejected', appliedOn: '2026-02-01', stageChangedAt: '2026-02-20T10:00:00Z' });
    const events = buildTimeline(
      {
        openings: [row],
        interviews: [interview(row.id, '2026-02-10T09:00:00Z', 1)],
        touchpoints: [
          touch(row.id, '2026-02-12T09:00:00Z', { direction: 'outbound', kind: 'follow_up' }),
          touch(row.id, '2026-02-13T09:00:00Z', { direction: 'outbound', kind: 'other', channel: 'phone', contactName: 'Rita' }),
          touch(row.id, '2026-02-10T15:00:00Z', { direction: 'outbound', kind: 'thank_you', contactName: 'Ivan' }),
          touch(row.id, '2026-02-05T09:00:00Z', { direction: 'inbound', contactName: 'Rita' }),
        ],
      },
      'Europe/Berlin',
    );
    expect(events.map((event) => [event.kind, event.label])).toEqual([
      ['applied', 'Applied'],
      ['answer', 'Heard back · Rita'],
      ['interview', 'Round 1'],
      ['thank_you', 'Thank-you · Ivan'],
      ['touchpoint', 'Follow-up'],
      ['touchpoint', 'Call · Rita'],
      ['outcome', 'Rejected'],
    ]);
    expect(events[0]).toMatchObject({ date: '2026-02-01', at: '2026-02-01T11:00:00.000Z' });
    expect(events.at(-1)!.stage).toBe('rejected');
  });

  it('has no outcome marker while the opening is still open', () => {
    const row = opening({ stage: 'interviewing', stageChangedAt: '2026-02-20T10:00:00Z' });
    expect(buildTimeline({ openings: [row], interviews: [], touchpoints: [] }, 'UTC')).toEqual([]);
  });
});
