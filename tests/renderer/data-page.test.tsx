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
  ok({ state: 'open', protection, lock: { idleMinutes: 15, onSleep: true }, keychain: { available: false, reason: null } });

describe('Import & export', () => {
  it('warns plainly, for an encrypted vault, that the whole-vault export will not be encrypted', async () => {
    eventTransport({ 'vault.lockStatus': lockStatus('passphrase') });
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Whole vault' });
    expect(await within(section).findByRole('note')).toHaveTextContent(/This export is not encrypted\. Your vault is, but .* anyone who can open the folder can read/);
  });

  it('says nothing of encryption for a plain vault', async () => {
    const { invoke } = eventTransport({ 'vault.lockStatus': lockStatus('none') });
    renderWithToasts(<DataPage />);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('vault.lockStatus', undefined));
    expect(within(screen.getByRole('region', { name: 'Whole vault' })).queryByRole('note')).toBeNull();
  });

  it('explains each export, and offers the CSV import of openings', () => {
    eventTransport({});
    renderWithToasts(<DataPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Import & export' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Pipeline as a spreadsheet', 'Interviews for your calendar', 'Whole vault', 'Bring an export back in', 'Import openings from CSV']);
    expect(within(screen.getByRole('region', { name: 'Import openings from CSV' })).getByRole('button', { name: 'Import openings from CSV…' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Whole vault' })).getByText(/You choose a folder/)).toBeInTheDocument();
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
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
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
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
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
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export whole vault…' })).toBeInTheDocument());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/canceled/)).not.toBeInTheDocument();

    reply = fail('INTERNAL', 'Afterview may not write in that folder. Choose another one.');
    await user.click(screen.getByRole('button', { name: 'Export whole vault…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Afterview may not write in that folder. Choose another one.');
  });

  it('in the browser preview, downloads the vault as a zip and cancels by aborting the download too', async () => {
    const zip = new Blob(['PK…'], { type: 'application/zip' });
    let signal: AbortSignal | undefined;
    const pending = deferred<Blob>();
    const vaultZip = vi.fn(async (_jobId: string, given: AbortSignal) => {
      signal = given;
      return pending.promise;
    });
    const { invoke, emit } = eventTransport({ 'exports.vaultCancel': () => ok({ canceled: true }) }, vaultZip);
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    expect(within(screen.getByRole('region', { name: 'Whole vault' })).getByText(/downloads as a \.zip/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download whole vault (.zip)' }));
    const jobId = vaultZip.mock.calls[0]![0];
    emit('exports.progress', { jobId, done: 50, total: 100 });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    await act(async () => pending.resolve(zip));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.getAttribute('download')).toMatch(/^Afterview export \d{4}-\d{2}-\d{2}\.zip$/);
    expect(created[0]).toBe(zip);
    expect(await screen.findByText('The export is downloading as a .zip file.')).toBeInTheDocument();

    // As fetch does: an aborted download rejects.
    vaultZip.mockImplementation(
      (_jobId, given) =>
        new Promise<Blob>((_resolve, reject) => {
          signal = given;
          given.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    await user.click(screen.getByRole('button', { name: 'Download whole vault (.zip)' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(invoke).toHaveBeenCalledWith('exports.vaultCancel', { jobId: vaultZip.mock.calls[1]![0] });
    expect(signal!.aborted).toBe(true);
    expect(await screen.findByText('Export canceled. Nothing was left behind.')).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
  });

  it('is in the sidebar foot and has its own address', async () => {
    eventTransport({ 'settings.get': () => ok(DEFAULT_SETTINGS) });
    window.location.hash = '#/data';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Import & export' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import & export' })).toHaveAttribute('aria-current', 'page');
  });
});
