import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { ExternalLink, MailLink } from '#renderer/ui/ExternalLink';
import { fakeTransport } from './fake-transport';
import { inputsOf, renderWithToasts } from './screen-fixtures';

afterEach(() => vi.restoreAllMocks());

describe('links on a page', () => {
  it('go to the shell through the core on a click, a middle click or the keyboard, never by navigating', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { transport, invoke } = fakeTransport({});
    setTransport(transport);
    const user = userEvent.setup();
    renderWithToasts(
      <>
        <ExternalLink href="https://jobs.example/42">The posting</ExternalLink>
        <MailLink email="ana@northwind.example" />
      </>,
    );
    const posting = screen.getByRole('link', { name: /The posting/ });
    expect(posting).not.toHaveAttribute('target');
    await user.click(posting);
    fireEvent(posting, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    screen.getByRole('link', { name: 'ana@northwind.example' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(inputsOf(invoke, 'shell.openExternal')).toEqual([{ url: 'https://jobs.example/42' }, { url: 'https://jobs.example/42' }, { url: 'mailto:ana@northwind.example' }]));
    expect(open).not.toHaveBeenCalled();
    expect(window.location.href).not.toMatch(/jobs\.example|mailto/);
  });

  it('show an address the policy refuses as plain text', () => {
    renderWithToasts(<ExternalLink href="file:///etc/passwd">x</ExternalLink>);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('file:///etc/passwd')).toBeInTheDocument();
  });

  it('tell the user when the link was not opened, with a way to copy it', async () => {
    const writeText = vi.fn(async () => undefined);
    const { transport } = fakeTransport({
      'shell.openExternal': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'Your computer did not open the link. It may have no app for web pages: is a browser set up? Copy the address instead.' } }),
    });
    setTransport(transport);
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithToasts(<ExternalLink href="https://jobs.example/42">The posting</ExternalLink>);
    await user.click(screen.getByRole('link', { name: /The posting/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your computer did not open the link.');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('https://jobs.example/42');
    expect(await screen.findByText('The link is on your clipboard.')).toBeInTheDocument();
  });
});
