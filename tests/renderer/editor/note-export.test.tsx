import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { NoteEditor } from '#renderer/editor/NoteEditor';
import { ExportMenu } from '#renderer/ui/ExportMenu';
import { note, noteVault } from './note-vault';

afterEach(() => vi.restoreAllMocks());

/** Captures the file the page hands to the browser to save. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:afterview/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const links: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    links.push(this);
  });
  return { blobs, links };
}

describe('ExportMenu', () => {
  it('opens from the keyboard, moves with the arrows, closes on Escape and hands focus back', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<ExportMenu label="Export the note" onExport={(format) => picked.push(format)} />);
    const button = screen.getByRole('button', { name: 'Export the note' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    button.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Export the note' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['PDF', 'Word (DOCX)', 'Markdown', 'Web page (HTML)']);
    expect(within(menu).getByRole('menuitem', { name: 'PDF' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(picked).toEqual([]);

    await user.keyboard('{ArrowDown}');
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Web page (HTML)' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'PDF' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(picked).toEqual(['markdown']);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('cannot be opened while disabled', async () => {
    const user = userEvent.setup();
    render(<ExportMenu label="Export the note" disabled onExport={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Export the note' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});

describe('exporting a note', () => {
  it('saves the latest words first, then downloads the file the core made', async () => {
    const { blobs, links } = captureDownloads();
    const vault = noteVault([note()], {
      'notes.export': () => ({ ok: true, value: { fileName: 'First call - Northwind.md', mimeType: 'text/markdown', dataBase64: btoa('# First call\n') } }),
    });
    setTransport(vault.transport);
    const user = userEvent.setup();
    render(<NoteEditor noteId={note().id} />);
    const body = await screen.findByRole('textbox', { name: 'Note text' });
    await user.click(body);
    await user.type(body, 'Ask about the team');

    await user.click(screen.getByRole('button', { name: 'Export the note' }));
    await user.click(screen.getByRole('menuitem', { name: 'Markdown' }));
    await waitFor(() => expect(links).toHaveLength(1));

    const order = vault.calls().map((call) => call.channel);
    expect(order.indexOf('notes.save')).toBeGreaterThan(-1);
    expect(order.indexOf('notes.save')).toBeLessThan(order.indexOf('notes.export'));
    expect(vault.calls().find((call) => call.channel === 'notes.export')!.input).toEqual({ id: note().id, format: 'markdown' });
    expect(links[0]).toHaveAttribute('download', 'First call - Northwind.md');
    expect(blobs[0]!.type).toBe('text/markdown');
    expect(await blobs[0]!.text()).toBe('# First call\n');
    expect(await screen.findByText('Saved as First call - Northwind.md.')).toBeInTheDocument();
  });

  it('says why when the core cannot make the file', async () => {
    captureDownloads();
    const vault = noteVault([note()], {
      'notes.export': () => ({ ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'Printing to PDF is not available in this window.' } }),
    });
    setTransport(vault.transport);
    const user = userEvent.setup();
    render(<NoteEditor noteId={note().id} />);
    await screen.findByRole('textbox', { name: 'Note text' });
    await user.click(screen.getByRole('button', { name: 'Export the note' }));
    await user.click(screen.getByRole('menuitem', { name: 'PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The note could not be exported: Printing to PDF is not available in this window.');
  });
});

describe('ExportMenu while a file is being made', () => {
  it('keeps its focus and says it is busy, but opens nothing', async () => {
    const user = userEvent.setup();
    render(<ExportMenu label="Export the note" busy onExport={() => undefined} />);
    const button = screen.getByRole('button', { name: 'Export the note' });
    expect(button).toHaveTextContent('Export…');
    expect(button).toHaveAttribute('aria-busy', 'true');
    button.focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
