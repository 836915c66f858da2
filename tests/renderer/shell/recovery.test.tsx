import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '#renderer/App';
import { setTransport, type Transport } from '#renderer/api';
import { installErrorReporting } from '#renderer/error-reporting';
import { installRecoveryListener } from '#renderer/RecoveryNotice';
import { fakeEvents, fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

/** The fake transport, with events the test can send as the shell would, and the page's error reports recorded. */
function shellTransport() {
  const fake = fakeTransport({ 'reminders.agenda': () => ok({ overdue: [], today: [], week: [], dueNow: 0 }), 'openings.list': () => ok([]), 'companies.list': () => ok([]) });
  const events = fakeEvents();
  const reportError = vi.fn();
  const transport: Transport = { ...fake.transport, on: events.on, reportError };
  setTransport(transport);
  return { emit: events.emit, reportError };
}

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  window.location.hash = '';
});

describe('after the shell reloads a crashed page', () => {
  it('says so, even though the shell speaks before the page has drawn anything', async () => {
    const shell = shellTransport();
    window.location.hash = '#/today';
    stops.push(installRecoveryListener());
    // The shell delivers its queued message the moment the page says it is ready: before React mounts.
    shell.emit('app.recovered', { reason: 'crashed' });
    render(<App />);
    expect(await screen.findByText(/stopped unexpectedly and was reopened where you were/)).toBeInTheDocument();
  });

  it('says so for a page that was reloaded because it hung, while it is showing', async () => {
    const shell = shellTransport();
    stops.push(installRecoveryListener());
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    shell.emit('app.recovered', { reason: 'unresponsive' });
    expect(await screen.findByText(/stopped responding and was reloaded/)).toBeInTheDocument();
  });
});

describe("the page's errors", () => {
  it('reach the desktop log with the screen they happened on', () => {
    const shell = shellTransport();
    window.location.hash = '#/contacts';
    stops.push(installErrorReporting());
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined'), message: 'x is undefined' }));
    expect(shell.reportError).toHaveBeenCalledWith(expect.objectContaining({ level: 'error', message: 'TypeError: x is undefined', route: '#/contacts' }));
  });
});
