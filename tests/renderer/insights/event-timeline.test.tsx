import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventTimeline } from '#renderer/features/insights/OpeningEventChart';
import type { TimelineEvent } from '#shared/domain/insights';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const event = (kind: TimelineEvent['kind'], at: string, label: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ kind, at, label, date: null, stage: null, ...extra });

const EVENTS: TimelineEvent[] = [
  event('applied', '2026-03-01T12:00:00Z', 'Applied', { date: '2026-03-01' }),
  event('answer', '2026-03-04T09:00:00Z', 'Heard back · Rita'),
  event('interview', '2026-03-10T09:00:00Z', 'Round 1'),
  event('thank_you', '2026-03-10T15:00:00Z', 'Thank-you · Ivan'),
  event('thank_you', '2026-03-10T15:01:00Z', 'Thank-you · Tina'),
  event('touchpoint', '2026-03-16T09:00:00Z', 'Follow-up'),
];

describe('The opening’s timeline chart', () => {
  it('says what will appear when nothing is dated yet', () => {
    render(<EventTimeline events={[]} now={NOW} />);
    expect(screen.getByText(/Nothing to draw yet/)).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('draws a marker per event, labels them, groups what happened together and marks today', () => {
    render(<EventTimeline events={EVENTS} now={NOW} />);
    const chart = screen.getByRole('img', { name: /^Timeline of this opening: Applied, .*; Round 1, .*; Follow-up, .*\. Today is / });
    expect(chart.querySelectorAll('.event-marker')).toHaveLength(6);
    expect(chart.querySelectorAll('.marker-thank_you')).toHaveLength(2);
    const labels = [...chart.querySelectorAll('.event-label')].map((label) => label.textContent);
    expect(labels).toEqual(['Applied', 'Heard back · Rita', 'Round 1 + 2 thank-yous', 'Follow-up']);
    expect(within(chart as unknown as HTMLElement).getByText('Today')).toBeInTheDocument();
    expect(chart.querySelectorAll('.today-line')).toHaveLength(1);

    const table = within(screen.getByText('Show the timeline as a table').closest('details')!).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Applied');
  });

  it('puts today after the last event, and a future interview after today', () => {
    render(<EventTimeline events={[...EVENTS, event('interview', '2026-03-27T09:00:00Z', 'Round 2')]} now={NOW} />);
    const chart = screen.getByRole('img');
    const todayX = Number(chart.querySelector('.today-line')!.getAttribute('x1'));
    const markerX = (kinds: string) => Number(chart.querySelector(`[data-kinds="${kinds}"] .event-marker`)!.getAttribute('points')!.split(',')[0]);
    expect(markerX('touchpoint')).toBeLessThan(todayX);
    expect(markerX('interview thank_you thank_you')).toBeLessThan(todayX);
    expect(markerX('interview')).toBeGreaterThan(todayX);
  });
});
