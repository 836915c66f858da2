import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { applyThemeChoice } from '#renderer/theme';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import type { Envelope } from '#shared/ipc/errors';
import { fakeTransport } from '../fake-transport';
import { fail, ID, interview, ok, opening } from '../fixtures';

type Reply = (input: unknown) => Envelope<unknown>;

function setup(replies: Record<string, Reply> = {}, start = '#/trash') {
  const fake = fakeTransport({
    'search.query': () => ok([]),
    'trash.list': () => ok([]),
    'openings.list': () => ok([]),
    'companies.list': () => ok([]),
    ...replies,
  });
  setTransport(fake.transport);
  window.location.hash = start;
  render(<App />);
  return { user: userEvent.setup(), invoke: fake.invoke };
}

const calls = (invoke: ReturnType<typeof fakeTransport>['invoke'], channel: string) => invoke.mock.calls.filter(([name]) => name === channel).map(([, input]) => input);
const actionTitles = () => within(screen.getByRole('group', { name: 'Actions' })).getAllByRole('option').map((option) => option.textContent);

async function typeInPalette(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.keyboard('{Control>}k{/Control}');
  await user.type(await screen.findByRole('combobox', { name: 'Search everything' }), text);
}

beforeEach(() => {
  localStorage.clear();
  applyThemeChoice('system');
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('command palette actions', () => {
  it('"theme" offers the other themes; Enter switches at once and saves the choice with the other settings untouched', async () => {
    let stored: Settings = { ...DEFAULT_SETTINGS, profile: { name: 'Alex', address: '' } };
    const { user, invoke } = setup({
      'settings.get': () => ok(stored),
      'settings.save': (input) => {
        stored = input as Settings;
        return ok(stored);
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'theme');
    expect(actionTitles()).toEqual(['Switch to light theme', 'Switch to dark theme']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await waitFor(() => expect(calls(invoke, 'settings.save')).toEqual([{ ...DEFAULT_SETTINGS, profile: { name: 'Alex', address: '' }, theme: 'dark' }]));
    expect(await screen.findByText('Appearance: dark.')).toBeInTheDocument();
    // Now dark is on, the palette offers light and the system's instead.
    await typeInPalette(user, 'theme');
    expect(actionTitles()).toEqual(['Switch to light theme', 'Switch to the system theme']);
  });

  it('a switch from the palette shows on the Settings screen, and its Save keeps it', async () => {
    let stored: Settings = DEFAULT_SETTINGS;
    const { user, invoke } = setup(
      {
        'settings.get': () => ok(stored),
        'settings.save': (input) => {
          stored = input as Settings;
          return ok(stored);
        },
      },
      '#/settings',
    );
    expect(await screen.findByRole('radio', { name: /^Match the system/ })).toBeChecked();
    const name = await screen.findByRole('textbox', { name: /Your name/ });
    await user.type(name, 'Alex');
    await typeInPalette(user, 'dark');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Dark/ })).toBeChecked());
    await waitFor(() => expect(stored.theme).toBe('dark'));
    // The form's own Save carries the new theme, not the one it loaded with.
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(calls(invoke, 'settings.save')).toHaveLength(2));
    expect(stored).toMatchObject({ theme: 'dark', profile: { name: 'Alex' } });
  });

  it('says so when the theme could not be saved, keeping it for now', async () => {
    const { user } = setup({ 'settings.save': () => fail('INTERNAL', 'The vault is read-only.') });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'light');
    await user.keyboard('{Enter}');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be saved: The vault is read-only.');
  });

  it('"add" then Enter lands on the pipeline with the form for a new opening open', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'add');
    expect(actionTitles()).toEqual(['Add openingCtrl+N']);
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Add an opening' });
    expect(within(form).getByRole('combobox', { name: /Company/ })).toHaveFocus();
    // The request is dropped from the address, so a reload shows the plain pipeline.
    expect(window.location.hash).toBe('#/pipeline');
  });

  it('"back up" makes a backup and tells how it went', async () => {
    const { user, invoke } = setup({
      'backups.create': () =>
        ok({
          fileName: 'afterview-20261125T231500000Z-manual.afterview-backup',
          reason: 'manual',
          createdAt: '2026-11-25T23:15:00.000Z',
          size: 2 * 1024 * 1024,
          contents: { createdAt: '2026-11-25T23:15:00.000Z', appVersion: '1.0.0', includesPhotos: true, counts: { openings: 4, interviews: 2, contacts: 5, notes: 1, letters: 2, photos: 2 } },
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'back up');
    expect(actionTitles()).toEqual(['Back up now']);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Backed up and checked: 4 openings, 1 note, 2 photos (2.0 MB).')).toBeInTheDocument();
    expect(calls(invoke, 'backups.create')).toHaveLength(1);
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('says why a backup failed', async () => {
    const { user } = setup({ 'backups.create': () => fail('INTERNAL', 'The disk is full.') });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'back up');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The backup did not work: The disk is full.');
  });

  it('downloads the pipeline as CSV from wherever you are', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:afterview/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { user } = setup({ 'exports.pipelineCsv': () => ok({ fileName: 'Afterview pipeline.csv', mimeType: 'text/csv', dataBase64: btoa('Company\r\nAcme\r\n') }) });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'csv');
    expect(actionTitles()).toEqual(['Download pipeline as CSV', 'Import openings from CSV…']);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Downloaded Afterview pipeline.csv.')).toBeInTheDocument();
    expect(saved).toEqual(['Afterview pipeline.csv']);
    expect(window.location.hash).toBe('#/trash');
  });

  it('opens the CSV import on Import & export, and the whole-vault export there: its dialog, then its progress and Cancel', async () => {
    let finish!: (envelope: Envelope<unknown>) => void;
    const exporting = new Promise<Envelope<unknown>>((resolve) => (finish = resolve));
    const { user, invoke } = setup({ 'exports.vaultToFolder': (() => exporting) as unknown as Reply });
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'import openings');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Import openings from a CSV file' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Import & export' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/data');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import openings from a CSV file' })).toBeNull());

    await typeInPalette(user, 'whole vault');
    await user.keyboard('{Enter}');
    // The export asks first how to save it: a folder here, in the desktop.
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    await user.click(within(dialog).getByRole('radio', { name: 'A folder of files' }));
    await user.click(within(dialog).getByRole('button', { name: 'Choose a folder…' }));
    expect(await screen.findByRole('progressbar', { name: 'Exporting the whole vault' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(calls(invoke, 'exports.vaultToFolder')).toHaveLength(1);
    expect(window.location.hash).toBe('#/data');
    finish(ok({ outcome: 'saved', folder: '/home/alex/Afterview export', files: 12 }));
    expect(await screen.findByText('Saved 12 files in /home/alex/Afterview export')).toBeInTheDocument();
  });

  it('opens the shortcuts list', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'shortcuts');
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Add an opening')).toBeInTheDocument();
  });

  it('on an opening, offers to log an interview or export its prep sheet, and opens the form or the menu of formats there', async () => {
    // The opening's page (and its editor) loads lazily: loaded ahead so the page is not waited on.
    await import('#renderer/features/opening/OpeningPage');
    const detail = { opening: opening(), interviews: [interview({ id: 'i1', round: 1 })], contacts: [], notes: [], posting: null };
    const { user } = setup({ 'openings.get': () => ok(detail) }, `#/openings/${ID.opening}`);
    await screen.findByRole('heading', { level: 1, name: 'Engineer' });
    await typeInPalette(user, 'log');
    expect(actionTitles()).toEqual(['Log interview…']);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Log interview' })).toHaveAttribute('type', 'submit');
    expect(window.location.hash).toBe(`#/openings/${ID.opening}`);

    await typeInPalette(user, 'prep');
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Prep sheet: everything about this opening in one document' });
    await waitFor(() => expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus());
  });

  it('offers the opening actions only on an opening', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { level: 1, name: 'Trash' });
    await typeInPalette(user, 'log');
    expect(screen.queryByRole('group', { name: 'Actions' })).toBeNull();
  });
});
