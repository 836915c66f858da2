import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setTransport } from '#renderer/api';
import { InsightsPage } from '#renderer/features/insights/InsightsPage';
import type { InsightsOverview } from '#shared/domain/insights';
import { fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

const EMPTY: InsightsOverview = {
  funnel: {
    total: 0,
    steps: (['interested', 'applied', 'interviewing', 'offer', 'accepted'] as const).map((stage) => ({ stage, reached: 0, fromPrevious: null })),
    exits: { rejected: 0, withdrawn: 0, dormant: 0 },
  },
  responseTimes: { answered: [], median: null, q1: null, q3: null, waiting: 0, longestWaitDays: null, undated: 0 },
};

const BUSY: InsightsOverview = {
  funnel: {
    total: 8,
    steps: [
      { stage: 'interested', reached: 8, fromPrevious: null },
      { stage: 'applied', reached: 6, fromPrevious: 0.75 },
      { stage: 'interviewing', reached: 3, fromPrevious: 0.5 },
      { stage: 'offer', reached: 1, fromPrevious: 1 / 3 },
      { stage: 'accepted', reached: 0, fromPrevious: 0 },
    ],
    exits: { rejected: 2, withdrawn: 1, dormant: 1 },
  },
  responseTimes: {
    answered: [
      { openingId: 'a', name: 'Engineer at Acme', from: 'application', days: 2 },
      { openingId: 'b', name: 'Designer at Globex', from: 'application', days: 2 },
      { openingId: 'a', name: 'Engineer at Acme', from: 'interview', days: 5 },
      { openingId: 'c', name: 'Writer at Hooli', from: 'application', days: 12 },
    ],
    median: 3.5,
    q1: 2,
    q3: 6.75,
    waiting: 2,
    longestWaitDays: 9,
    undated: 1,
  },
};

function show(overview: InsightsOverview) {
  setTransport(fakeTransport({ 'insights.overview': () => ok(overview) }).transport);
  render(<InsightsPage />);
}

describe('Insights', () => {
  it('teaches the first step when there is nothing to count', async () => {
    show(EMPTY);
    expect(await screen.findByRole('heading', { name: 'Log your first application to see your funnel' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the pipeline' })).toHaveAttribute('href', '#/pipeline');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('draws a bar for each stage reached, with counts, shares and a table of the same numbers', async () => {
    show(BUSY);
    const funnel = await screen.findByRole('img', { name: /^Pipeline funnel of 8 openings: 8 interested, 6 applied \(75% of the step before\), 3 interviewing \(50%/ });
    expect(funnel.querySelectorAll('.funnel-bar')).toHaveLength(4);
    expect(funnel.querySelectorAll('.chart-track')).toHaveLength(5);
    expect([...funnel.querySelectorAll('.chart-label')].map((label) => label.textContent)).toEqual(['Interested', 'Applied', 'Interviewing', 'Offer', 'Accepted']);
    expect([...funnel.querySelectorAll('.chart-note')].map((note) => note.textContent)).toEqual(['75% went on', '50% went on', '33% went on', '0% went on']);
    expect(screen.getByText(/2 rejected, 1 withdrawn, 1 resting/)).toBeInTheDocument();

    const table = within(screen.getByText('Show the funnel as a table').closest('details')!).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByRole('row', { name: 'Applied 6 75%' })).toBeInTheDocument();
  });

  it('plots one mark per answer, shades the middle half, marks the median and counts who is still waiting', async () => {
    show(BUSY);
    const chart = await screen.findByRole('img', { name: /^4 answers: median 3.5 days, middle half between 2 days and 6.8 days, fastest 2 days, slowest 12 days. 2 still waiting./ });
    expect(chart.querySelectorAll('.wait-dot')).toHaveLength(4);
    expect(chart.querySelectorAll('.wait-dot.from-interview')).toHaveLength(1);
    expect(chart.querySelectorAll('.iqr-band')).toHaveLength(1);
    expect(within(chart as unknown as HTMLElement).getByText('median 3.5 days')).toBeInTheDocument();
    expect(screen.getByText('2 openings are still waiting')).toBeInTheDocument();
    expect(screen.getByText(/the longest for 9 days/)).toBeInTheDocument();
    expect(screen.getByText(/1 opening has no application date/)).toBeInTheDocument();
    const table = within(screen.getByText('Show the waits as a table').closest('details')!).getByRole('table');
    expect(within(table).getByRole('row', { name: 'Writer at Hooli after applying 12' })).toBeInTheDocument();
  });

  it('says how to record an answer when none is recorded yet', async () => {
    show({ ...BUSY, responseTimes: { ...EMPTY.responseTimes, waiting: 1, longestWaitDays: 3 } });
    expect(await screen.findByText(/No answers recorded yet/)).toBeInTheDocument();
    expect(screen.getByText('1 opening is still waiting')).toBeInTheDocument();
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });
});
