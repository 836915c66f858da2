import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { NoteEditor } from '#renderer/editor/NoteEditor';
import type { DocNode } from '#shared/domain/note';
import { renderWithToasts } from '../screen-fixtures';
import { note, noteVault } from './note-vault';

const text = (doc: DocNode): string => (doc.text ?? '') + (doc.content ?? []).map(text).join('');
const marksOf = (doc: DocNode): string[] => [...(doc.marks ?? []).map((mark) => mark.type), ...(doc.content ?? []).flatMap(marksOf)];

async function openNote(initial = note()) {
  const vault = noteVault([initial]);
  setTransport(vault.transport);
  const user = userEvent.setup();
  const view = render(<NoteEditor noteId={initial.id} />);
  const body = await screen.findByRole('textbox', { name: 'Note text' });
  return { vault, user, body, view };
}

afterEach(() => vi.restoreAllMocks());

describe('NoteEditor', () => {
  it('loads the note and saves the TipTap JSON after a pause in typing', async () => {
    const { vault, user, body } = await openNote();
    expect(screen.getByLabelText('Note title')).toHaveValue('First call');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');

    await user.click(body);
    await user.type(body, 'They want someone to own onboarding');
    // A burst of typing is one save, and it waits for the pause.
    expect(vault.saves()).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(vault.saves()).toHaveLength(1);
    expect(vault.saves()[0]).toEqual({
      id: note().id,
      title: 'First call',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They want someone to own onboarding' }] }] },
    });
  });

  it('saves a changed title with the text', async () => {
    const { vault, user } = await openNote();
    const title = screen.getByLabelText('Note title');
    await user.clear(title);
    await user.type(title, 'Second round');
    await waitFor(() => expect(vault.saves().at(-1)?.title).toBe('Second round'));
  });

  it('makes text bold from the toolbar and with the keyboard shortcut', async () => {
    const { vault, user, body } = await openNote();
    const bold = screen.getByRole('button', { name: 'Bold' });
    expect(bold).toHaveAttribute('aria-pressed', 'false');
    expect(bold).toHaveAttribute('title', 'Bold (Ctrl+B)');

    await user.click(body);
    await user.type(body, 'salary range');
    await user.keyboard('{Control>}a{/Control}');
    await user.click(bold);
    expect(bold).toHaveAttribute('aria-pressed', 'true');
    expect(body.querySelector('strong')).toHaveTextContent('salary range');
    await waitFor(() => expect(marksOf(vault.saves().at(-1)?.doc ?? { type: 'doc' })).toEqual(['bold']));

    // The shortcut toggles the same mark: off, then on again.
    await user.keyboard('{Control>}b{/Control}');
    expect(body.querySelector('strong')).toBeNull();
    expect(bold).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('{Control>}b{/Control}');
    expect(body.querySelector('strong')).toHaveTextContent('salary range');
    await waitFor(() => expect(vault.saves().length).toBeGreaterThanOrEqual(2));
    expect(text(vault.saves().at(-1)!.doc)).toBe('salary range');
  });

  it('offers headings, lists, checklists and quotes with their shortcuts in the titles', async () => {
    const { user, body } = await openNote();
    await user.click(body);
    await user.type(body, 'Questions');
    await user.click(screen.getByRole('button', { name: 'H2 heading' }));
    expect(body.querySelector('h2')).toHaveTextContent('Questions');
    expect(screen.getByRole('button', { name: 'H2 heading' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Checklist' }));
    expect(body.querySelector('ul[data-type="taskList"]')).toHaveTextContent('Questions');
    expect(screen.getByRole('checkbox', { name: 'Task: Questions' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('title', 'Bulleted list (Ctrl+Shift+8)');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(body.querySelector('ul')).toBeNull();
    expect(screen.getByRole('toolbar', { name: 'Formatting' })).toBeInTheDocument();
  });

  it('refuses a javascript: link with a clear message and accepts an https one', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { vault, user, body } = await openNote();
    const opened = () => vault.calls().filter((call) => call.channel === 'shell.openExternal').map((call) => call.input.url);
    await user.click(body);
    await user.type(body, 'Careers page');
    await user.keyboard('{Control>}a{/Control}');

    await user.click(screen.getByRole('button', { name: 'Add link' }));
    const address = screen.getByLabelText('Link address');
    await user.type(address, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect(address).toHaveAccessibleDescription(/must start with https:\/\/ .* or mailto:/);
    expect(body.querySelector('a')).toBeNull();

    await user.clear(address);
    await user.type(address, 'example.com/careers');
    await user.keyboard('{Enter}');
    const link = body.querySelector('a')!;
    expect(link).toHaveAttribute('href', 'https://example.com/careers');
    expect(link).not.toHaveAttribute('target');
    await waitFor(() => expect(JSON.stringify(vault.saves().at(-1)?.doc)).toContain('https://example.com/careers'));

    // A plain click edits; Ctrl+click or the Open link button hands it to the shell, never navigating the page.
    await user.click(link);
    expect(opened()).toEqual([]);
    await user.keyboard('{Control>}');
    await user.click(link);
    await user.keyboard('{/Control}');
    await waitFor(() => expect(opened()).toEqual(['https://example.com/careers']));
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    await waitFor(() => expect(opened()).toEqual(['https://example.com/careers', 'https://example.com/careers']));
    expect(open).not.toHaveBeenCalled();
  });

  it('names what is wrong with a mail link that asks for more than a message', async () => {
    const { user, body } = await openNote();
    await user.click(body);
    await user.type(body, 'Write to Ana');
    await user.keyboard('{Control>}a{/Control}');
    await user.click(screen.getByRole('button', { name: 'Add link' }));
    const address = screen.getByLabelText('Link address');
    await user.type(address, 'mailto:ana@example.com?attach=/home/u/.ssh/id_rsa');
    await user.click(screen.getByRole('button', { name: 'Save link' }));
    expect(address).toHaveAccessibleDescription(/also asks your mail app for “attach”/);
    expect(body.querySelector('a')).toBeNull();
  });

  it('tells the user when a link already in a note is refused, instead of opening it', async () => {
    const hostile = 'mailto:ana@example.com?attach=/home/u/.ssh/id_rsa';
    const stored = note({ doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Write to Ana', marks: [{ type: 'link', attrs: { href: hostile } }] }] }] } });
    const vault = noteVault([stored]);
    setTransport(vault.transport);
    const user = userEvent.setup();
    renderWithToasts(<NoteEditor noteId={stored.id} />);
    const body = await screen.findByRole('textbox', { name: 'Note text' });
    await user.keyboard('{Control>}');
    await user.click(body.querySelector('a')!);
    await user.keyboard('{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/This e-mail link also asks your mail app for “attach”.*Afterview did not open it/);
    expect(vault.calls().filter((call) => call.channel === 'shell.openExternal').map((call) => call.input.url)).toEqual([hostile]);
  });

  it('keeps only "hi" from pasted HTML with a script and an image with an event handler', async () => {
    const { vault, user, body } = await openNote();
    await user.click(body);
    const clipboard = new DataTransfer();
    clipboard.setData('text/html', '<p>hi<script>alert(1)</script><img src=x onerror=alert(1)></p>');
    clipboard.setData('text/plain', 'hi');
    await user.paste(clipboard);

    expect(body.innerHTML).not.toMatch(/script|img|onerror|alert/i);
    await waitFor(() => expect(vault.saves()).toHaveLength(1));
    expect(vault.saves()[0]!.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] });
  });

  it('drops unsafe links, styles and handlers from pasted HTML but keeps the words', async () => {
    const { vault, user, body } = await openNote();
    await user.click(body);
    const clipboard = new DataTransfer();
    clipboard.setData('text/html', '<p><a href="javascript:alert(1)">apply here</a> or <a href="data:text/html,x">here</a> or <span style="color:red" onclick="alert(3)"><a href="file:///etc/passwd">this</a></span> or <a href="https://jobs.example/1">there</a></p>');
    await user.paste(clipboard);
    await waitFor(() => expect(vault.saves()).toHaveLength(1));
    const saved = JSON.stringify(vault.saves()[0]!.doc);
    expect(text(vault.saves()[0]!.doc)).toBe('apply here or here or this or there');
    expect(saved).not.toMatch(/javascript|data:|file:|color|onclick|alert/);
    expect(body.innerHTML).not.toMatch(/javascript|data:|file:|style=|onclick/);
    expect(saved).toContain('https://jobs.example/1');
  });

  it('saves pending text to the old note before loading the next one', async () => {
    const first = note();
    const second = note({ id: '0b7d5c1e-1111-4a1a-8a1a-000000000002', title: 'Second call', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Earlier words' }] }] } });
    const vault = noteVault([first, second]);
    setTransport(vault.transport);
    const user = userEvent.setup();
    const view = render(<NoteEditor noteId={first.id} />);
    const body = await screen.findByRole('textbox', { name: 'Note text' });
    await user.click(body);
    await user.type(body, 'Unsaved thought');

    view.rerender(<NoteEditor noteId={second.id} />);
    await waitFor(() => expect(screen.getByLabelText('Note title')).toHaveValue('Second call'));
    expect(screen.getByRole('textbox', { name: 'Note text' })).toHaveTextContent('Earlier words');

    const order = vault.calls().map((call) => `${call.channel} ${String(call.input.id).slice(-1)}`);
    expect(order).toEqual(['notes.get 1', 'notes.save 1', 'notes.get 2']);
    expect(text(vault.notes.get(first.id)!.doc)).toBe('Unsaved thought');

    // Undo in the new note cannot reach back into the old one.
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  it('shows the failure with its message, keeps the text and saves it on a later try', async () => {
    const { vault, user, body } = await openNote();
    vault.state.failSaves = 1;
    await user.click(body);
    await user.type(body, 'Keep this');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Not saved — retrying The disk is full.'));
    await waitFor(() => expect(status).toHaveTextContent(/^Saved$/), { timeout: 3000 });
    expect(vault.saves()).toHaveLength(2);
    expect(vault.saves()[1]!.doc).toEqual(vault.saves()[0]!.doc);
    expect(text(vault.notes.get(note().id)!.doc)).toBe('Keep this');
  });

  it('saves pending text when the editor goes away before the pause ends', async () => {
    const { vault, user, body, view } = await openNote();
    await user.click(body);
    await user.type(body, 'Last words');
    view.unmount();
    expect(vault.saves()).toHaveLength(1);
    expect(text(vault.saves()[0]!.doc)).toBe('Last words');
  });

  it('saves at once when the text loses focus', async () => {
    const { vault, user, body } = await openNote();
    await user.click(body);
    await user.type(body, 'Quick');
    await user.click(screen.getByLabelText('Note title'));
    // No debounce wait: the blur flushed.
    expect(vault.saves()).toHaveLength(1);
  });

  it('opens a note it cannot fully represent read-only, so nothing is overwritten', async () => {
    const odd = note({ doc: { type: 'doc', content: [{ type: 'mysteryWidget', content: [{ type: 'text', text: 'x' }] }] } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await openNote(odd);
    expect(screen.getByRole('alert')).toHaveTextContent('read-only');
    expect(screen.getByLabelText('Note title')).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Note text' })).toHaveAttribute('contenteditable', 'false');
  });

  it('says so when the note cannot be opened, and can try again', async () => {
    const vault = noteVault([]);
    setTransport(vault.transport);
    const user = userEvent.setup();
    render(<NoteEditor noteId={note().id} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This note could not be opened: That note does not exist.');
    vault.notes.set(note().id, note());
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Note text' })).toBeInTheDocument();
  });
});
