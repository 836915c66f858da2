import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { NotesPanel } from '#renderer/editor/NotesPanel';
import { ToastProvider } from '#renderer/ui/toast';
import type { Note, NoteSummary } from '#shared/domain/note';
import { note, noteVault, OPENING_ID } from './note-vault';

const summary = (item: Note, excerpt = ''): NoteSummary => ({
  id: item.id,
  parentType: item.parentType,
  parentId: item.parentId,
  title: item.title,
  excerpt,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
});

const first = note({ title: 'Phone screen', updatedAt: '2026-03-02T10:00:00.000Z' });
const second = note({
  id: '0b7d5c1e-1111-4a1a-8a1a-000000000002',
  title: 'Team lunch',
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They ship weekly' }] }] },
  updatedAt: '2026-03-01T10:00:00.000Z',
});

function renderPanel(notes: NoteSummary[], vault: ReturnType<typeof noteVault>) {
  setTransport(vault.transport);
  const onChanged = vi.fn();
  const user = userEvent.setup();
  render(
    <ToastProvider>
      <NotesPanel parentType="opening" parentId={OPENING_ID} notes={notes} onChanged={onChanged} />
    </ToastProvider>,
  );
  return { onChanged, user };
}

describe('NotesPanel', () => {
  it('says what notes are for when there are none, and creates the first one', async () => {
    const created = note({ id: '0b7d5c1e-1111-4a1a-8a1a-000000000009', title: 'Untitled note' });
    const vault = noteVault([], {
      'notes.create': (input) => {
        vault.notes.set(created.id, created);
        expect(input).toEqual({ parentType: 'opening', parentId: OPENING_ID });
        return { ok: true, value: created };
      },
    });
    const { onChanged, user } = renderPanel([], vault);
    expect(screen.getByRole('heading', { name: 'No notes yet' })).toBeInTheDocument();
    expect(screen.getByText(/what the role really involves/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New note' }));
    const title = await screen.findByLabelText('Note title');
    // Ready for the title right away, and listed before the parent reloads.
    await waitFor(() => expect(title).toHaveFocus());
    expect(onChanged).toHaveBeenCalledOnce();
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByRole('button', { name: 'Untitled note' })).toHaveAttribute('aria-current', 'true');

    // The whole placeholder title is selected, so typing replaces it.
    await user.type(title, 'Recruiter call', { skipClick: true });
    await waitFor(() => expect(vault.notes.get(created.id)!.title).toBe('Recruiter call'));
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByRole('button', { name: 'Recruiter call' })).toBeInTheDocument();
  });

  it('lists the notes newest first and opens the one chosen, saving the previous one first', async () => {
    const vault = noteVault([first, second]);
    const { user } = renderPanel([summary(second, 'They ship weekly'), summary(first)], vault);
    const items = within(screen.getByRole('list', { name: 'Notes' })).getAllByRole('button', { name: /^(Phone screen|Team lunch)$/ });
    // Each button is named by its note's title; the excerpt and the time of the last edit describe it.
    expect(items.map((item) => item.closest('li')?.textContent)).toEqual([expect.stringMatching(/^Phone screenEmpty noteEdited /), expect.stringMatching(/^Team lunchThey ship weeklyEdited /)]);
    expect(items[1]).toHaveAccessibleDescription(/^They ship weekly Edited /);
    expect(screen.getByText('Pick a note to read or edit it, or start a new one.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Phone screen' }));
    const body = await screen.findByRole('textbox', { name: 'Note text' });
    await user.click(body);
    await user.type(body, 'Asked about on-call');

    await user.click(screen.getByRole('button', { name: 'Team lunch' }));
    await waitFor(() => expect(screen.getByLabelText('Note title')).toHaveValue('Team lunch'));
    expect(screen.getByRole('textbox', { name: 'Note text' })).toHaveTextContent('They ship weekly');
    const channels = vault.calls().map((call) => call.channel);
    expect(channels.lastIndexOf('notes.save')).toBeLessThan(channels.lastIndexOf('notes.get'));
    expect(JSON.stringify(vault.notes.get(first.id)!.doc)).toContain('Asked about on-call');
  });

  it('deletes after confirmation and brings the note back with Undo', async () => {
    const vault = noteVault([first, second], {
      'notes.delete': (input) => ({ ok: true, value: { kind: 'note', id: (input as { id: string }).id, deletedAt: '2026-03-03T10:00:00.000Z' } }),
      'trash.restore': (input) => ({ ok: true, value: input }),
    });
    const { onChanged, user } = renderPanel([summary(first), summary(second)], vault);

    await user.click(screen.getByRole('button', { name: 'Delete note “Team lunch”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this note?' });
    expect(dialog).toHaveTextContent('“Team lunch” goes to the trash.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete note' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Team lunch' })).not.toBeInTheDocument());
    expect(vault.calls().find((call) => call.channel === 'notes.delete')?.input).toEqual({ id: second.id });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Deleted “Team lunch”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Team lunch' })).toBeInTheDocument());
    expect(vault.calls().find((call) => call.channel === 'trash.restore')?.input).toEqual({ kind: 'note', id: second.id });
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('keeps the note when deletion is cancelled', async () => {
    const vault = noteVault([first]);
    const { user } = renderPanel([summary(first)], vault);
    await user.click(screen.getByRole('button', { name: 'Delete note “Phone screen”' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Phone screen' })).toBeInTheDocument();
    expect(vault.calls().some((call) => call.channel === 'notes.delete')).toBe(false);
  });
});

describe('NotesPanel opened from elsewhere on the page', () => {
  it('opens the note a timeline asks for', async () => {
    const vault = noteVault([first, second]);
    setTransport(vault.transport);
    const { rerender } = render(
      <ToastProvider>
        <NotesPanel parentType="opening" parentId={OPENING_ID} notes={[summary(first), summary(second)]} onChanged={vi.fn()} />
      </ToastProvider>,
    );
    expect(screen.queryByLabelText('Note title')).not.toBeInTheDocument();
    rerender(
      <ToastProvider>
        <NotesPanel parentType="opening" parentId={OPENING_ID} notes={[summary(first), summary(second)]} onChanged={vi.fn()} openRequest={{ noteId: second.id }} />
      </ToastProvider>,
    );
    expect(await screen.findByDisplayValue('Team lunch')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Notes' })).getByRole('button', { name: 'Team lunch' })).toHaveAttribute('aria-current', 'true');
  });
});
