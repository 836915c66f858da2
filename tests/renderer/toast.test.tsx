import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '#renderer/router';
import { TOAST_DURATION_MS, TOAST_WITH_ACTION_MS, ToastOutlet, ToastProvider, useToast } from '#renderer/ui/toast';

/** A page with buttons that show notices, as screens do, including one that shows a notice and then opens another page. */
function Screen() {
  const toast = useToast();
  return (
    <>
      <nav className="sidebar" aria-label="Main">
        <ToastOutlet />
      </nav>
      <main>
        <button type="button" onClick={() => toast.show('Touchpoint logged.')}>
          Log
        </button>
        <button type="button" onClick={() => toast.show('The vault is busy.', { tone: 'error' })}>
          Fail
        </button>
        <button type="button" onClick={() => toast.show('Deleted “Notes”.', { action: { label: 'Undo', run: () => undefined } })}>
          Delete
        </button>
        <button
          type="button"
          onClick={() => {
            toast.show('Round 1 is logged.');
            navigate({ name: 'interview', id: '11111111-1111-4111-8111-111111111111' });
          }}
        >
          Log interview
        </button>
      </main>
    </>
  );
}

function setup() {
  vi.useFakeTimers();
  window.location.hash = '#/openings/22222222-2222-4222-8222-222222222222';
  render(
    <ToastProvider>
      <Screen />
    </ToastProvider>,
  );
  const notices = () => screen.getByRole('region', { name: 'Notifications' });
  return { notices };
}

afterEach(() => {
  vi.useRealTimers();
  window.location.hash = '';
});

describe('in-app notices', () => {
  it('sit in the sidebar, never over the page, as a status (or an alert when something failed)', async () => {
    const { notices } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    expect(notices().closest('nav')).toBe(screen.getByRole('navigation', { name: 'Main' }));
    expect(within(notices()).getByRole('status')).toHaveTextContent('Touchpoint logged.');
    expect(within(notices()).getByRole('alert')).toHaveTextContent('The vault is busy.');
  });

  it('go away on their own after a few seconds, and an Undo stays a little longer', async () => {
    const { notices } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TOAST_DURATION_MS);
    });
    expect(notices()).not.toHaveTextContent('Touchpoint logged.');
    expect(notices()).toHaveTextContent('Deleted “Notes”.');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TOAST_WITH_ACTION_MS - TOAST_DURATION_MS);
    });
    expect(notices()).toBeEmptyDOMElement();
  });

  it('stay while the pointer is on one, then go', async () => {
    const { notices } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    fireEvent.mouseEnter(within(notices()).getByRole('status'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TOAST_DURATION_MS * 3);
    });
    expect(notices()).toHaveTextContent('Touchpoint logged.');
    fireEvent.mouseLeave(within(notices()).getByRole('status'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TOAST_DURATION_MS);
    });
    expect(notices()).toBeEmptyDOMElement();
  });

  it('go away when the user leaves the page, but follow the action that opened the next one', async () => {
    const { notices } = setup();
    // The address changes arrive as the browser's own events.
    vi.useRealTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Log interview' }));
    await waitFor(() => expect(window.location.hash).toBe('#/interviews/11111111-1111-4111-8111-111111111111'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notices()).toHaveTextContent('Round 1 is logged.');

    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await act(async () => {
      window.location.hash = '#/today';
    });
    await waitFor(() => expect(notices()).toBeEmptyDOMElement());
  });

  it('close with their button, and with Escape unless a dialog wants it', async () => {
    const { notices } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fail' }));
    fireEvent.click(within(within(notices()).getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(notices()).not.toHaveTextContent('The vault is busy.');

    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(notices()).toHaveTextContent('Touchpoint logged.');
    dialog.remove();

    fireEvent.keyDown(screen.getByRole('button', { name: 'Log' }), { key: 'Escape' });
    expect(notices()).toBeEmptyDOMElement();
  });
});
