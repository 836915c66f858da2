import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { commandsFor } from '#renderer/features/search/commands';
import { hrefFor, NAV_FOOTER, NAV_ITEMS, parseRoute } from '#renderer/router';
import { fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

afterEach(() => {
  window.location.hash = '';
});

describe('Insights and guide routes', () => {
  it('parse and print their addresses, and refuse what is not theirs', () => {
    expect(parseRoute('#/insights')).toEqual({ name: 'insights' });
    expect(parseRoute('#/guide')).toEqual({ name: 'guide' });
    expect(parseRoute('#/insights/extra')).toEqual({ name: 'today' });
    expect(parseRoute('#/guide?x=1')).toEqual({ name: 'guide' });
    expect(hrefFor({ name: 'insights' })).toBe('#/insights');
    expect(hrefFor({ name: 'guide' })).toBe('#/guide');
    expect(NAV_ITEMS.find((item) => item.label === 'Insights')?.route).toEqual({ name: 'insights' });
    expect(NAV_FOOTER.find((item) => item.label === 'How Afterview works')?.route).toEqual({ name: 'guide' });
    expect(commandsFor('insi')).toEqual([{ label: 'Go to Insights', href: '#/insights', keys: 'Mod-9' }]);
    expect(commandsFor('how works')).toEqual([{ label: 'Go to How Afterview works', href: '#/guide' }]);
  });

  it('open Insights under its sidebar entry, and the guide from the sidebar foot', async () => {
    const agenda = { overdue: [], today: [], week: [], more: 0, counts: { dueNow: 0 } };
    setTransport(
      fakeTransport({
        'insights.overview': () => ok({ funnel: { total: 0, steps: [], exits: { rejected: 0, withdrawn: 0, dormant: 0 } }, responseTimes: { answered: [], median: null, q1: null, q3: null, waiting: 0, longestWaitDays: null, undated: 0 } }),
        'reminders.agenda': () => ok(agenda),
      }).transport,
    );
    window.location.hash = '#/insights';
    const { unmount } = render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Insights', current: 'page' })).toBeInTheDocument();
    unmount();

    window.location.hash = '#/guide';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'How Afterview works' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'How Afterview works', current: 'page' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').filter((item) => item.closest('.guide-steps'))).toHaveLength(6);
  });
});
