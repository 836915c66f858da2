import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '#renderer/App';
import { setTransport, type Transport } from '#renderer/api';
import { DataPage } from '#renderer/features/data/DataPage';
import { resetLockStatusForTests } from '#renderer/features/lock/lock-state';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import type { EventName } from '#shared/ipc/contract';
import type { Envelope } from '#shared/ipc/errors';
import { fakeEvents } from './fake-transport';
import { fail, ok, renderWithToasts } from './fixtures';

type Reply = (input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** A transport whose events the test sends, like the shell's progress events. */
function eventTransport(replies: Record<string, Reply>, vaultZip?: Transport['vaultZip']) {
  const events = fakeEvents();
  const invoke = vi.fn(async (channel: string, input: unknown) => {
    const reply = replies[channel];
    if (!reply) throw new Error(`no fake reply for ${channel}`);
    return reply(input);
  });
  const transport: Transport = {
    invoke,
    on: events.on,
    ready: () => undefined,
    vaultZip,
  };
  setTransport(transport);
  return { invoke, emit: (name: EventName, payload: unknown) => events.emit(name, payload), listening: (name: EventName) => events.listening(name) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

let clicked: HTMLAnchorElement[];
let created: Blob[];
beforeEach(() => {
  clicked = [];
  created = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    created.push(blob as Blob);
    return `blob:afterview/${created.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  window.location.hash = '';
  resetLockStatusForTests();
});

const jobOf = (invoke: ReturnType<typeof eventTransport>['invoke'], channel: string) => (invoke.mock.calls.find(([name]) => name === channel)![1] as { jobId: string }).jobId;

const lockStatus = (protection: 'none' | 'keychain' | 'passphrase') => () =>
  ok({ state: 'open', protection, lock: { idleMinutes: 15, onSleep: true }, keychain: { available: false, reason: null }, needsNewPassphrase: false, rewrite: null });

type User = ReturnType<typeof userEvent.setup>;

/** Opens the export dialog and, in the desktop, chooses a folder: the old way, with nothing to protect. */
async function exportToFolder(user: User) {
  await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
  await user.click(within(dialog).getByRole('radio', { name: 'A folder of files' }));
  await user.click(within(dialog).getByRole('button', { name: 'Choose a folder…' }));
}

describe('Import & export', () => {
  it('for an encrypted vault, protects the zip unless told otherwise, and warns plainly when it will not be', async () => {
    eventTransport({ 'vault.lockStatus': lockStatus('keychain') });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: 'Protect with a passphrase' })).toBeChecked());
    expect(within(dialog).getByRole('note')).toHaveTextContent('The unzip built into macOS and Windows may not open a protected .zip. 7-Zip, Keka and Afterview itself do.');
    // A keychain keeps the vault's key: there is no vault passphrase to offer, so a new one is typed twice.
    expect(within(dialog).queryByRole('radio', { name: 'The one that opens my vault' })).toBeNull();
    expect(within(dialog).getByLabelText('Passphrase for this export')).toHaveAttribute('type', 'password');
    expect(within(dialog).getByLabelText('The same passphrase again')).toHaveAttribute('type', 'password');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Protect with a passphrase' }));
    expect(within(dialog).getByRole('note')).toHaveTextContent('This export will not be protected. Your vault is encrypted, but the export is not: anyone with this file can read it.');
    expect(within(dialog).queryByLabelText('Passphrase for this export')).toBeNull();

    await user.click(within(dialog).getByRole('radio', { name: 'A folder of files' }));
    expect(within(dialog).getByText('A folder cannot be protected with a passphrase. To protect the export, save it as a .zip file.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox', { name: 'Protect with a passphrase' })).toBeNull();
    expect(within(dialog).getByRole('note')).toHaveTextContent('anyone with this folder can read it.');
  });

  it('says nothing of encryption for a plain vault, and offers the protection unchecked', async () => {
    const { invoke } = eventTransport({ 'vault.lockStatus': lockStatus('none') });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('vault.lockStatus', undefined));
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    expect(within(dialog).getByRole('checkbox', { name: 'Protect with a passphrase' })).not.toBeChecked();
    expect(within(dialog).queryByRole('note')).toBeNull();
  });

  it('with a passphrase vault, protects the zip with that passphrase once the core has checked it', async () => {
    const saved = deferred<Envelope<unknown>>();
    const { invoke } = eventTransport({
      'vault.lockStatus': lockStatus('passphrase'),
      'exports.checkZipProtection': (input) =>
        (input as { protection: { passphrase: string } }).protection.passphrase === 'my vault words'
          ? ok({ protected: true })
          : fail('INVALID_INPUT', 'That is not the passphrase that opens your vault. Check Caps Lock and the keyboard layout, or choose another passphrase for this export. Nothing was exported.', 'passphrase'),
      'exports.vaultToZip': () => saved.promise,
    });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: 'The one that opens my vault' })).toBeChecked());

    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    expect(within(dialog).getByLabelText('Your vault’s passphrase')).toHaveAccessibleDescription('Type your vault’s passphrase.');

    await user.type(within(dialog).getByLabelText('Your vault’s passphrase'), 'not my words');
    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    expect(await within(dialog).findByText(/That is not the passphrase that opens your vault/)).toBeInTheDocument();
    expect(invoke.mock.calls.map(([channel]) => channel)).not.toContain('exports.vaultToZip');

    await user.clear(within(dialog).getByLabelText('Your vault’s passphrase'));
    await user.type(within(dialog).getByLabelText('Your vault’s passphrase'), 'my vault words');
    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const call = invoke.mock.calls.find(([channel]) => channel === 'exports.vaultToZip')![1] as { jobId: string; protection: unknown };
    expect(call.protection).toEqual({ kind: 'vaultPassphrase', passphrase: 'my vault words' });
    await act(async () => saved.resolve(ok({ outcome: 'saved', file: '/home/ana/Documents/Afterview export 2026-03-02.zip', files: 12, protected: true })));
    expect(await screen.findByText('Saved 12 files in /home/ana/Documents/Afterview export 2026-03-02.zip, protected with your passphrase.')).toBeInTheDocument();
  });

  it('asks another passphrase twice, and sends nothing while the two differ or it is too short', async () => {
    const { invoke } = eventTransport({
      'vault.lockStatus': lockStatus('passphrase'),
      'exports.checkZipProtection': () => ok({ protected: true }),
      'exports.vaultToZip': () => ok({ outcome: 'saved', file: '/tmp/x.zip', files: 3, protected: true }),
    });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    await user.click(await within(dialog).findByRole('radio', { name: 'Another passphrase, just for this export' }));
    await user.type(within(dialog).getByLabelText('Passphrase for this export'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    expect(within(dialog).getByLabelText('Passphrase for this export')).toHaveAccessibleDescription('Choose a passphrase of at least 8 characters.');
    await user.type(within(dialog).getByLabelText('Passphrase for this export'), ' and longer');
    await user.type(within(dialog).getByLabelText('The same passphrase again'), 'short and long');
    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    expect(within(dialog).getByLabelText('The same passphrase again')).toHaveAccessibleDescription('The two passphrases differ. Type the same one twice.');
    expect(invoke.mock.calls.map(([channel]) => channel).filter((channel) => channel.startsWith('exports.'))).toEqual([]);

    await user.clear(within(dialog).getByLabelText('The same passphrase again'));
    await user.type(within(dialog).getByLabelText('The same passphrase again'), 'short and longer');
    await user.click(within(dialog).getByRole('button', { name: 'Save .zip…' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('exports.vaultToZip', expect.objectContaining({ protection: { kind: 'newPassphrase', passphrase: 'short and longer' } })));
  });

  it('explains each export, and offers the CSV import of openings', () => {
    eventTransport({});
    renderWithToasts(<DataPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Import & export' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Pipeline as a spreadsheet', 'Interviews for your calendar', 'Whole vault', 'Bring an export back in', 'Import openings from CSV']);
    expect(within(screen.getByRole('region', { name: 'Import openings from CSV' })).getByRole('button', { name: 'Import openings from CSV…' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Whole vault' })).getByText(/You save it as one \.zip file or as a folder, and a \.zip can be protected with a passphrase/)).toBeInTheDocument();
  });

  it('downloads the pipeline as CSV and the interviews as a calendar file', async () => {
    const csv = '\uFEFFCompany,Role\r\nAcme,Engineer\r\n';
    const { invoke } = eventTransport({
      'exports.pipelineCsv': () => ok({ fileName: 'Afterview pipeline 2026-03-02.csv', mimeType: 'text/csv', dataBase64: btoa(String.fromCharCode(...new TextEncoder().encode(csv))) }),
      'exports.interviewsIcs': () => ok({ fileName: 'Afterview interviews 2026-03-02.ics', mimeType: 'text/calendar', dataBase64: btoa('BEGIN:VCALENDAR\r\n') }),
    });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await user.click(screen.getByRole('button', { name: 'Download pipeline (CSV)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toHaveAttribute('download', 'Afterview pipeline 2026-03-02.csv');
    expect(created[0]!.type).toBe('text/csv');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await created[0]!.arrayBuffer())).toBe(csv);
    await user.click(screen.getByRole('button', { name: 'Download interviews (.ics)' }));
    await waitFor(() => expect(clicked).toHaveLength(2));
    expect(clicked[1]).toHaveAttribute('download', 'Afterview interviews 2026-03-02.ics');
    expect(invoke.mock.calls.map(([channel]) => channel).filter((channel) => channel !== 'vault.lockStatus')).toEqual(['exports.pipelineCsv', 'exports.interviewsIcs']);
  });

  it('follows the whole-vault export with a progress bar that never goes back, then says where it went', async () => {
    const result = deferred<Envelope<unknown>>();
    const { invoke, emit } = eventTransport({ 'exports.vaultToFolder': () => result.promise });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await exportToFolder(user);
    const bar = await screen.findByRole('progressbar', { name: 'Exporting the whole vault' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    const jobId = jobOf(invoke, 'exports.vaultToFolder');

    emit('exports.progress', { jobId, done: 40, total: 100 });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    emit('exports.progress', { jobId, done: 30, total: 100 });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    emit('exports.progress', { jobId: crypto.randomUUID(), done: 90, total: 100 });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    emit('exports.progress', { jobId, done: 100, total: 100 });
    expect(bar).toHaveAttribute('aria-valuenow', '100');

    await act(async () => result.resolve(ok({ outcome: 'saved', folder: '/home/ana/Afterview export 2026-03-02', files: 1234 })));
    expect(await screen.findByText(`Saved ${(1234).toLocaleString()} files in /home/ana/Afterview export 2026-03-02`)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('cancels the running export by its job, and says nothing was left behind', async () => {
    const result = deferred<Envelope<unknown>>();
    const { invoke, emit, listening } = eventTransport({
      'exports.vaultToFolder': () => result.promise,
      'exports.vaultCancel': () => {
        result.resolve(ok({ outcome: 'canceled' }));
        return ok({ canceled: true });
      },
    });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await exportToFolder(user);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('exports.vaultToFolder', expect.anything()));
    const jobId = jobOf(invoke, 'exports.vaultToFolder');
    emit('exports.progress', { jobId, done: 1, total: 4 });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(invoke).toHaveBeenCalledWith('exports.vaultCancel', { jobId });
    expect(await screen.findByText('Export canceled. Nothing was left behind.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(listening('exports.progress')).toBe(0);
    expect(screen.getByRole('button', { name: 'Export whole vault…' })).toBeEnabled();
  });

  it('says nothing when the folder dialog is closed, and shows a failure in words', async () => {
    let reply: Envelope<unknown> = ok({ outcome: 'canceled' });
    eventTransport({ 'exports.vaultToFolder': () => reply });
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await exportToFolder(user);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export whole vault…' })).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/canceled/)).not.toBeInTheDocument();

    reply = fail('INTERNAL', 'Afterview may not write in that folder. Choose another one.');
    await exportToFolder(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Afterview may not write in that folder. Choose another one.');
  });

  it('in the browser preview, downloads the vault as a zip and cancels by aborting the download too', async () => {
    const zip = new Blob(['PK…'], { type: 'application/zip' });
    let signal: AbortSignal | undefined;
    const pending = deferred<Blob>();
    const vaultZip = vi.fn(async (_jobId: string, _protection: unknown, given: AbortSignal) => {
      signal = given;
      return pending.promise;
    });
    const { invoke, emit } = eventTransport({ 'exports.vaultCancel': () => ok({ canceled: true }) }, vaultZip);
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    expect(within(screen.getByRole('region', { name: 'Whole vault' })).getByText(/downloads as a \.zip/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    // The preview has no folder to offer: a .zip, protected or not.
    expect(within(screen.getByRole('dialog')).queryByRole('radio', { name: 'A folder of files' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download .zip' }));
    const jobId = vaultZip.mock.calls[0]![0];
    expect(vaultZip.mock.calls[0]![1]).toEqual({ kind: 'none' });
    emit('exports.progress', { jobId, done: 50, total: 100 });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    await act(async () => pending.resolve(zip));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.getAttribute('download')).toMatch(/^Afterview export \d{4}-\d{2}-\d{2}\.zip$/);
    expect(created[0]).toBe(zip);
    expect(await screen.findByText('The export is downloading as a .zip file.')).toBeInTheDocument();

    // As fetch does: an aborted download rejects.
    vaultZip.mockImplementation(
      (_jobId, _protection, given) =>
        new Promise<Blob>((_resolve, reject) => {
          signal = given;
          given.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    await user.click(screen.getByRole('button', { name: 'Download .zip' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(invoke).toHaveBeenCalledWith('exports.vaultCancel', { jobId: vaultZip.mock.calls[1]![0] });
    expect(signal!.aborted).toBe(true);
    expect(await screen.findByText('Export canceled. Nothing was left behind.')).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
  });

  it('in the browser preview, hands a new passphrase to the download, which sends it in its body', async () => {
    const vaultZip = vi.fn(async (_jobId: string, _protection: unknown, _signal: AbortSignal) => new Blob(['PK'], { type: 'application/zip' }));
    eventTransport({ 'vault.lockStatus': lockStatus('none'), 'exports.checkZipProtection': () => ok({ protected: true }) }, vaultZip);
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the whole vault' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Protect with a passphrase' }));
    await user.type(within(dialog).getByLabelText('Passphrase for this export'), 'correct horse battery');
    await user.type(within(dialog).getByLabelText('The same passphrase again'), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Download .zip' }));
    expect(await screen.findByText('The export is downloading as a .zip file protected with your passphrase.')).toBeInTheDocument();
    expect(vaultZip.mock.calls[0]![1]).toEqual({ kind: 'newPassphrase', passphrase: 'correct horse battery' });
  });

  it('is in the sidebar foot and has its own address', async () => {
    eventTransport({ 'settings.get': () => ok(DEFAULT_SETTINGS) });
    window.location.hash = '#/data';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Import & export' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import & export' })).toHaveAttribute('aria-current', 'page');
  });
});
