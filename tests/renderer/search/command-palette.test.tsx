import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { segmentsOf } from '#renderer/features/search/marked-text';
import { MARK_END, MARK_START, type SearchResult } from '#shared/domain/search';
import type { Envelope } from '#shared/ipc/errors';
import { fakeTransport } from '../fake-transport';
import { ok } from '../fixtures';

const NOTE_ID = '11111111-1111-4111-8111-111111111111';
const OPENING_ID = '22222222-2222-4222-8222-222222222222';
const CONTACT_ID = '33333333-3333-4333-8333-333333333333';
const m = (word: string) => `${MARK_START}${word}${MARK_END}`;

const RESULTS: SearchResult[] = [
  { kind: 'note', id: NOTE_ID, title: `${m('Interview')} prep`, snippet: `read the ${m('interview')} <script>alert(1)</script> guide`, context: 'Staff Engineer · Acme', route: `/openings/${OPENING_ID}` },
  { kind: 'contact', id: CONTACT_ID, title: `Ivan ${m('Interviewer')}`, snippet: '', context: '', route: `/contacts/${CONTACT_ID}` },
  { kind: 'opening', id: OPENING_ID, title: 'Staff Engineer', snippet: `Acme · ${m('interview')} on Tuesday`, context: '', route: `/openings/${OPENING_ID}` },
];

function setup(answer: (text: string) => SearchResult[] = () => RESULTS) {
  const fake = fakeTransport({
    'search.query': (input) => ok(answer((input as { text: string }).text)),
    // The page behind does not matter here; the trash is the simplest to stand up.
    'trash.list': () => ok([]),
  });
  setTransport(fake.transport);
  window.location.hash = '#/trash';
  render(<App />);
  return { user: userEvent.setup(), invoke: fake.invoke };
}

afterEach(() => {
  window.location.hash = '';
});

describe('marked text', () => {
  it('splits marked and plain pieces, dropping stray markers', () => {
    expect(segmentsOf(`a ${m('b')} c${MARK_END}`)).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' c', marked: false },
    ]);
  });
});

describe('command palette', () => {
  it('opens with Ctrl+K, searches as you type and shows matched words as <mark>, never as HTML', async () => {
    const { user, invoke } = setup();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('combobox', { name: 'Search everything' });
    expect(box).toHaveFocus();
    await user.type(box, 'interv');
    const listbox = screen.getByRole('listbox', { name: 'Results' });
    const notes = await within(listbox).findByRole('group', { name: 'Notes' });
    expect(within(listbox).getByRole('group', { name: 'People' })).toBeInTheDocument();
    expect(within(listbox).getByRole('group', { name: 'Openings' })).toBeInTheDocument();
    const option = within(notes).getByRole('option');
    expect(option.querySelector('mark')?.textContent).toBe('Interview');
    expect(option.querySelectorAll('mark')).toHaveLength(2);
    expect(option.querySelector('script')).toBeNull();
    expect(option).toHaveTextContent('<script>alert(1)</script>');
    // Debounced: one question for the whole word, not one per key.
    const searches = invoke.mock.calls.filter(([channel]) => channel === 'search.query');
    expect(searches).toHaveLength(1);
    expect(searches[0]![1]).toEqual({ text: 'interv', limit: 20 });
    expect(box).toHaveAttribute('aria-expanded', 'true');
  });

  it('moves with the arrows and opens the chosen result with Enter', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: /Search/ }));
    const box = screen.getByRole('combobox');
    await user.type(box, 'interv');
    const options = await screen.findAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowDown}');
    const second = screen.getAllByRole('option')[1]!;
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getAllByRole('option').at(-1)).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(window.location.hash).toBe(`#/contacts/${CONTACT_ID}`));
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows a debrief that matched under Interviews, with the opening it belongs to, and opens the interview', async () => {
    const interviewId = '44444444-4444-4444-8444-444444444444';
    const { user } = setup(() => [
      {
        kind: 'interview', id: interviewId, title: 'Round 2 · Panel', snippet: `Concerns: …the ${m('relocation')} budget…`, context: 'Staff Engineer · Acme', route: `/interviews/${interviewId}`,
      },
    ]);
    await user.keyboard('{Control>}k{/Control}');
    await user.type(screen.getByRole('combobox'), 'reloc');
    const group = await screen.findByRole('group', { name: 'Interviews' });
    const option = within(group).getByRole('option');
    expect(option).toHaveTextContent('Round 2 · Panel · Staff Engineer · Acme');
    expect(option).toHaveTextContent('Concerns: …the relocation budget…');
    expect(option.querySelector('mark')?.textContent).toBe('relocation');
    await user.click(option);
    await waitFor(() => expect(window.location.hash).toBe(`#/interviews/${interviewId}`));
  });

  it('lists the go-to commands filtered by the text, and says so when nothing is found', async () => {
    const { user } = setup(() => []);
    await user.keyboard('{Control>}k{/Control}');
    const titles = (group?: string) =>
      (group ? within(screen.getByRole('group', { name: group })) : screen).getAllByRole('option').map((option) => option.querySelector('.palette-title')?.textContent);
    // Every screen of the sidebar, each with the shortcut that does the same.
    expect(titles('Go to')).toEqual([
      'Go to Today',
      'Go to Pipeline',
      'Go to Contacts',
      'Go to Companies',
      'Go to References',
      'Go to Templates',
      'Go to Trash',
      'Go to Backups',
      'Go to Insights',
      'Go to Settings',
      'Go to Import & export',
      'Go to How Afterview works',
    ]);
    // Then what can be done from anywhere; the theme already on (the system's) is not offered again.
    expect(titles('Actions')).toEqual([
      'Add opening',
      'Switch to light theme',
      'Switch to dark theme',
      'Back up now',
      'Export whole vault…',
      'Download pipeline as CSV',
      'Import openings from CSV…',
      'Import calendar invite…',
      'Import e-mail…',
      'Show keyboard shortcuts',
    ]);
    expect(within(screen.getByRole('option', { name: 'Add opening' })).getByText('Ctrl+N')).toBeInTheDocument();
    const references = screen.getByRole('option', { name: 'Go to References' });
    expect(references).toHaveAttribute('aria-keyshortcuts', 'Control+5');
    expect(within(references).getByText('Ctrl+5')).toBeInTheDocument();
    await user.type(screen.getByRole('combobox'), 'sett');
    expect(await screen.findByText('Nothing in your vault matches “sett”.')).toBeInTheDocument();
    expect(titles()).toEqual(['Go to Settings']);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/settings'));
  });

  it('ignores an answer that arrives after newer text', async () => {
    const pending: ((value: Envelope<unknown>) => void)[] = [];
    const fake = fakeTransport({ 'trash.list': () => ok([]) });
    setTransport({
      ...fake.transport,
      invoke: (channel, input) => (channel === 'search.query' ? new Promise((resolve) => pending.push(resolve)) : fake.transport.invoke(channel, input)),
    });
    window.location.hash = '#/trash';
    render(<App />);
    const user = userEvent.setup();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(screen.getByRole('combobox'), 'ivan');
    await waitFor(() => expect(pending).toHaveLength(1));
    await user.type(screen.getByRole('combobox'), 'x');
    await waitFor(() => expect(pending).toHaveLength(2));
    pending[1]!(ok([]));
    pending[0]!(ok(RESULTS));
    expect(await screen.findByText('Nothing in your vault matches “ivanx”.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Notes' })).toBeNull();
  });

  it('closes with Escape and gives focus back', async () => {
    const { user } = setup();
    const button = screen.getByRole('button', { name: /Search/ });
    await user.click(button);
    expect(screen.getByRole('combobox')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(button).toHaveFocus();
  });
});
