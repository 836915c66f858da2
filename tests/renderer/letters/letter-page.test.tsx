import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { LetterPage } from '#renderer/features/letters/LetterPage';
import { formatDate } from '#renderer/ui/format';
import type { Letter, LetterSummary } from '#shared/domain/letter';
import { buildMailto } from '#shared/domain/mailto';
import { fakeTransport } from '../fake-transport';
import { inputsOf, ok, renderWithToasts } from '../screen-fixtures';
import { docOf, letterIds, makeLetterDetail, makeLetterSummary, paragraph, prompt } from './letter-fixtures';

type Reply = (input: unknown) => ReturnType<typeof ok>;

function openLetter(letter: Partial<Letter> = {}, replies: Record<string, Reply> = {}) {
  const detail = makeLetterDetail(letter);
  const fake = fakeTransport({
    'letters.get': () => ok(detail),
    'letters.save': (input) => ok({ id: (input as { id: string }).id, revision: 2, updatedAt: new Date().toISOString() }),
    ...replies,
  });
  setTransport(fake.transport);
  const user = userEvent.setup();
  // After setup: user-event puts a clipboard stub of its own on navigator.
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  renderWithToasts(<LetterPage id={detail.letter.id} />);
  return { ...fake, user, detail };
}

let clipboard: { write: ReturnType<typeof vi.fn>; writeText: ReturnType<typeof vi.fn> };
beforeEach(() => {
  clipboard = { write: vi.fn(async () => undefined), writeText: vi.fn(async () => undefined) };
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('Letter page', () => {
  it('explains why to thank within a day while the note is unsent, and not once it is sent', async () => {
    openLetter();
    expect(await screen.findByRole('complementary', { name: /Why thank them within a day/ })).toBeInTheDocument();
  });

  it('shows no thank-you tip on a sent note', async () => {
    const { invoke } = openLetter({ status: 'sent', sentAt: '2026-03-03T10:00:00.000Z', sentChannel: 'email' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank-you note to Ana Ruiz' })).toBeInTheDocument();
    // The tip is not even asked for: no tips.get once the page has rendered.
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('tips.get');
    expect(screen.queryByRole('complementary', { name: /thank them/ })).not.toBeInTheDocument();
  });

  it('shows who the note is for, its countdown, the debrief and what a good note covers beside the editor', async () => {
    openLetter();
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank-you note to Ana Ruiz' })).toBeInTheDocument();
    expect(screen.getByText(/Head of Analytics —/)).toHaveTextContent('Head of Analytics — Senior Data Analyst at Northwind');
    expect(within(screen.getByRole('group', { name: 'Where this letter stands' })).getByText('Draft')).toBeInTheDocument();
    expect(screen.getByLabelText('Subject')).toHaveValue('Thank you — Senior Data Analyst interview');
    expect(await screen.findByRole('textbox', { name: 'Letter text' })).toHaveTextContent('Thank you for the tour of the data platform.');
    const debrief = screen.getByRole('region', { name: 'From your debrief' });
    expect(debrief).toHaveTextContent(/Next step.*Case study with the team/);
    expect(debrief).toHaveTextContent(/Concerns.*On-call rota/);
    expect(within(screen.getByRole('region', { name: 'What a good note covers' })).getAllByRole('listitem')).toHaveLength(5);
  });

  it('hands the mail to the shell with recipient, subject and the text, saving the latest edit first', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, invoke } = openLetter();
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.type(screen.getByLabelText('Subject'), ' on Tuesday');
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));

    await waitFor(() => expect(inputsOf(invoke, 'shell.openExternal')).toHaveLength(1));
    const text = 'Dear Ana,\n\nThank you for the tour of the data platform.\n\nKind regards,';
    const url = buildMailto('ana@northwind.example', 'Thank you — Senior Data Analyst interview on Tuesday', text).url;
    expect(inputsOf(invoke, 'shell.openExternal')).toEqual([{ url }]);
    expect(url).toMatch(/^mailto:ana@northwind\.example\?subject=Thank%20you.*%0D%0A%0D%0A/);
    // The page itself never navigates or opens a window: the shell does.
    expect(open).not.toHaveBeenCalled();
    // The edit was saved before the mail app opened.
    const channels = invoke.mock.calls.map(([channel]) => channel);
    expect(channels.lastIndexOf('letters.save')).toBeLessThan(channels.indexOf('shell.openExternal'));
    expect(inputsOf(invoke, 'letters.save').at(-1)).toMatchObject({ subject: 'Thank you — Senior Data Analyst interview on Tuesday' });
    expect(clipboard.writeText).not.toHaveBeenCalled();
    expect(await screen.findByText(/Your mail app should open with the note filled in/)).toBeInTheDocument();
  });

  it('says in the page when the mail app could not be opened, and does not claim it opened', async () => {
    const { user } = openLetter(
      {},
      { 'shell.openExternal': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'Your computer did not open the link. It may have no app for e-mails: is a mail app set up? Copy the text instead.' } }) },
    );
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    expect(await screen.findByText(/Your computer did not open the link\. It may have no app for e-mails/)).toBeInTheDocument();
    expect(screen.queryByText(/Your mail app should open/)).not.toBeInTheDocument();
  });

  it('copies the whole text to the clipboard first when the note is too long for a mail link', async () => {
    const long = Array.from({ length: 12 }, (_, index) => paragraph(`Paragraph ${index + 1}: ${'a thoughtful sentence about the role. '.repeat(6)}`.trim()));
    const { user, invoke } = openLetter({ doc: docOf(...long) });
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));

    await waitFor(() => expect(inputsOf(invoke, 'shell.openExternal')).toHaveLength(1));
    const full = long.map((node) => node.content![0]!.text).join('\n\n');
    expect(clipboard.writeText).toHaveBeenCalledWith(full);
    const opened = invoke.mock.calls.findIndex(([channel]) => channel === 'shell.openExternal');
    expect(clipboard.writeText.mock.invocationCallOrder[0]!).toBeLessThan(invoke.mock.invocationCallOrder[opened]!);
    const { url } = inputsOf(invoke, 'shell.openExternal')[0] as { url: string };
    expect(url.length).toBeLessThanOrEqual(2000);
    expect(decodeURIComponent(url)).toContain('[The rest of this note is on your clipboard: paste it here.]');
    expect(screen.getByText(/the whole text is on your clipboard/)).toBeInTheDocument();
  });

  it('copies as rich text with a plain-text twin, and falls back to plain text when rich copying is refused', async () => {
    const { user } = openLetter();
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(clipboard.write).toHaveBeenCalledTimes(1));
    const [item] = clipboard.write.mock.calls[0]![0] as ClipboardItem[];
    expect(item!.types).toEqual(['text/html', 'text/plain']);
    expect(await (await item!.getType('text/html')).text()).toContain('<p>Thank you for the tour of the data platform.</p>');
    expect(await (await item!.getType('text/plain')).text()).toBe('Dear Ana,\n\nThank you for the tour of the data platform.\n\nKind regards,');
    expect(await screen.findByText(/Copied with its formatting/)).toBeInTheDocument();

    clipboard.write.mockRejectedValueOnce(new Error('NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(clipboard.writeText).toHaveBeenCalledWith('Dear Ana,\n\nThank you for the tour of the data platform.\n\nKind regards,'));
    expect(await screen.findByText(/Copied as plain text/)).toBeInTheDocument();

    clipboard.write.mockRejectedValueOnce(new Error('NotAllowedError'));
    clipboard.writeText.mockRejectedValueOnce(new Error('NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText(/could not use the clipboard/)).toBeInTheDocument();
  });

  it('asks before sending a letter that still holds the template’s prompts, and Next prompt selects one', async () => {
    const { user, invoke } = openLetter({ doc: docOf(paragraph('Dear Ana,'), prompt('[Name a connection you noticed.]'), prompt('[Say what you would bring.]')) });
    const body = await screen.findByRole('textbox', { name: 'Letter text' });
    expect(screen.getByText(/2 prompts in \[brackets\]/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open in mail app' }));
    const dialog = await screen.findByRole('dialog', { name: 'Some prompts are still in the letter' });
    expect(dialog).toHaveTextContent('2 bracketed prompts are still there');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(inputsOf(invoke, 'shell.openExternal')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Next prompt' }));
    expect(window.getSelection()?.toString()).toBe('[Name a connection you noticed.]');
    await user.keyboard('We both spoke at PyData.');
    await waitFor(() => expect(screen.getByText(/1 prompt in \[brackets\]/)).toBeInTheDocument());
    expect(body.querySelector('em')).toHaveTextContent('[Say what you would bring.]');
    expect(body).toHaveTextContent('We both spoke at PyData.');
    // The user's words replace the prompt without taking on its italics.
    expect(body.querySelectorAll('em')).toHaveLength(1);
  });

  it('marks the letter as sent with the channel and time chosen; the countdown then reads Sent', async () => {
    const { user, invoke } = openLetter({}, {
      'letters.markSent': (input) => {
        const { channel, sentAt } = input as { channel: LetterSummary['sentChannel']; sentAt: string };
        return ok(makeLetterSummary({ status: 'sent', sentChannel: channel, sentAt }));
      },
    });
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark as sent to Ana Ruiz' });
    const channel = within(dialog).getByLabelText('How you sent it');
    expect(channel).toHaveDisplayValue('E-mail');
    expect(within(dialog).getByLabelText('When you sent it')).not.toHaveValue('');
    await user.selectOptions(channel, 'LinkedIn');
    fireEvent.change(within(dialog).getByLabelText('When you sent it'), { target: { value: '2026-03-03T18:30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as sent' }));

    await waitFor(() => expect(inputsOf(invoke, 'letters.markSent')).toHaveLength(1));
    expect(inputsOf(invoke, 'letters.markSent')[0]).toEqual({ id: letterIds.ana, channel: 'linkedin', sentAt: new Date(2026, 2, 3, 18, 30).toISOString() });
    const state = screen.getByRole('group', { name: 'Where this letter stands' });
    await waitFor(() => expect(state).toHaveTextContent(/^Sent\s*Sent .*2026.*by linkedin$/));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as sent…' })).not.toBeInTheDocument();
  });

  it('closes the mark-as-sent dialog with Escape without sending', async () => {
    const { user, invoke } = openLetter();
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Mark as sent…' }));
    await screen.findByRole('dialog', { name: 'Mark as sent to Ana Ruiz' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Mark as sent to Ana Ruiz' })).not.toBeInTheDocument());
    expect(inputsOf(invoke, 'letters.markSent')).toHaveLength(0);
  });

  it('adds the handwritten copy with its mail-by date, and ticks it posted', async () => {
    let current = makeLetterSummary();
    const { user, invoke } = openLetter({}, {
      'letters.setLetterTrack': (input) => ok((current = { ...current, mailBy: (input as { enabled: boolean }).enabled ? '2026-03-05T14:00:00.000Z' : null })),
      'letters.markPosted': (input) => ok((current = { ...current, postedAt: (input as { posted: boolean }).posted ? '2026-03-04T09:00:00.000Z' : null })),
    });
    await screen.findByRole('textbox', { name: 'Letter text' });
    const track = screen.getByRole('region', { name: 'Handwritten copy' });
    expect(within(track).queryByLabelText('Posted')).not.toBeInTheDocument();

    await user.click(within(track).getByLabelText('Also post a handwritten copy'));
    expect(await within(track).findByText(/Mail by/)).toHaveTextContent(`Mail by ${formatDate('2026-03-05T14:00:00.000Z')}`);
    expect(inputsOf(invoke, 'letters.setLetterTrack')).toEqual([{ id: letterIds.ana, enabled: true }]);
    expect(within(track).getByLabelText('Also post a handwritten copy')).toBeChecked();

    const posted = within(track).getByLabelText('Posted');
    expect(posted).not.toBeChecked();
    await user.click(posted);
    await waitFor(() => expect(within(track).getByLabelText('Posted')).toBeChecked());
    expect(inputsOf(invoke, 'letters.markPosted')).toEqual([{ id: letterIds.ana, posted: true }]);
    expect(within(track).getByText(`Posted ${formatDate('2026-03-04T09:00:00.000Z')}.`)).toBeInTheDocument();
  });

  it('downloads the PDF the core made from its base64', async () => {
    const pdf = '%PDF-1.7 a letter';
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:afterview/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user, invoke } = openLetter({}, { 'letters.export': () => ok({ fileName: 'Thank you - Ana Ruiz.pdf', mimeType: 'application/pdf', dataBase64: btoa(pdf) }) });
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(inputsOf(invoke, 'letters.export')).toEqual([{ id: letterIds.ana, format: 'pdf' }]);
    expect(clicked[0]).toHaveAttribute('download', 'Thank you - Ana Ruiz.pdf');
    expect(clicked[0]).toHaveAttribute('href', 'blob:afterview/1');
    expect(clicked[0]!.isConnected).toBe(false);
    expect(created[0]!.type).toBe('application/pdf');
    expect(await created[0]!.text()).toBe(pdf);
  });

  it('deletes after a confirmation and offers Undo, which restores the letter from the trash', async () => {
    const { user, invoke } = openLetter({}, {
      'letters.delete': () => ok({ kind: 'letter', id: letterIds.ana, deletedAt: '2026-03-03T20:00:00.000Z' }),
      'trash.restore': () => ok({ kind: 'letter', id: letterIds.ana }),
    });
    await screen.findByRole('textbox', { name: 'Letter text' });
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this letter?' });
    await user.click(within(dialog).getByRole('button', { name: 'Move to trash' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/interviews\//));
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    expect(toasts).toHaveTextContent('The note to Ana Ruiz is in the trash.');
    await user.click(within(toasts).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(inputsOf(invoke, 'trash.restore')).toEqual([{ kind: 'letter', id: letterIds.ana }]));
    await waitFor(() => expect(window.location.hash).toBe(`#/letters/${letterIds.ana}`));
  });
});
