import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransport } from '#renderer/api';
import { BackupsPage } from '#renderer/features/backups/BackupsPage';
import type { Backup, BackupContents, PickedBackup } from '#shared/domain/backup';
import { fakeTransport } from './fake-transport';
import { fail, ok, renderWithToasts } from './fixtures';

const holds = (openings: number, notes: number, photos: number, includesPhotos = true): BackupContents => ({
  createdAt: null,
  appVersion: includesPhotos ? '1.4.0' : null,
  includesPhotos,
  counts: { openings, interviews: 3, contacts: 9, notes, letters: 2, photos },
});

function backup(fileName: string, reason: Backup['reason'], createdAt: string, contents: BackupContents | null, size = 350 * 1024): Backup {
  return { fileName, reason, createdAt, size, contents: contents && { ...contents, createdAt } };
}

const BACKUPS: Backup[] = [
  backup('afterview-20261204T173512000Z-manual.afterview-backup', 'manual', '2026-12-04T17:35:12.000Z', holds(12, 40, 3), 3 * 1024 * 1024),
  // Two clicks in the same second: the same kind, moment and contents.
  backup('afterview-20261204T173511400Z-manual.afterview-backup', 'manual', '2026-12-04T17:35:11.400Z', holds(12, 40, 3)),
  backup('afterview-20261204T173511100Z-manual.afterview-backup', 'manual', '2026-12-04T17:35:11.100Z', holds(12, 40, 3)),
  backup('afterview-20261204T090000000Z-daily.afterview-backup', 'daily', '2026-12-04T09:00:00.000Z', holds(11, 1, 1)),
  backup('afterview-20261120T090000000Z-daily.afterview-backup', 'daily', '2026-11-20T09:00:00.000Z', null),
  backup('afterview-20261101T080000000Z-pre-migration.sqlite', 'pre-migration', '2026-11-01T08:00:00.000Z', holds(2, 0, 0, false)),
];

const PICKED: PickedBackup = {
  id: '3f1c2a9e-8a53-4c1e-9f51-1b6f0f0a4c11',
  fileName: 'from my old laptop.afterview-backup',
  size: 5 * 1024 * 1024,
  contents: { createdAt: '2026-10-02T08:15:00.000Z', appVersion: '1.2.0', includesPhotos: true, counts: { openings: 30, interviews: 12, contacts: 40, notes: 1, letters: 9, photos: 7 } },
};

let reload: ReturnType<typeof vi.fn>;
beforeEach(() => {
  reload = vi.fn();
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as unknown as Location);
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

function setup(replies: Record<string, (input: unknown) => unknown> = {}, uploadBackup?: (file: Blob) => Promise<string>) {
  const fake = fakeTransport({ 'backups.list': () => ok({ folder: '/home/ana/.config/Afterview/vault/backups', backups: BACKUPS }), ...(replies as Record<string, never>) });
  setTransport({ ...fake.transport, uploadBackup });
  renderWithToasts(<BackupsPage />);
  return { ...fake, user: userEvent.setup() };
}
const calls = (invoke: ReturnType<typeof fakeTransport>['invoke'], channel: string) => invoke.mock.calls.filter(([name]) => name === channel).map(([, input]) => input);

describe('Backups page', () => {
  it('says on each row when it was made, its kind, what it holds and its size', async () => {
    setup();
    const rows = within(await screen.findByRole('table', { name: 'Backups, newest first' })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toHaveTextContent('Backed up by you');
    expect(rows[0]).toHaveTextContent('12 openings, 40 notes, 3 photos');
    expect(rows[0]).toHaveTextContent('3.0 MB');
    expect(rows[3]).toHaveTextContent('Daily backup');
    expect(rows[3]).toHaveTextContent('11 openings, 1 note, 1 photo');
    expect(rows[4]).toHaveTextContent('This file cannot be read, so it cannot be restored.');
    expect(within(rows[4]!).queryByRole('button')).toBeNull();
    expect(rows[5]).toHaveTextContent('Before an update');
    expect(rows[5]).toHaveTextContent('2 openings, 0 notes, no photos (an older backup)');
    expect(screen.getByText(/keeps the last 7 daily backups, one a week for 4 weeks and one a month for 6 months, the last 10 you make/)).toBeInTheDocument();
  });

  it('gives every Restore button a name of its own, even for backups made in the same second', async () => {
    setup();
    await screen.findByRole('table');
    const names = screen.getAllByRole('button', { name: /^Restore the / }).map((button) => button.getAttribute('aria-label'));
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    expect(names[0]).toMatch(/^Restore the backup you made of December 4, 2026 at \d{1,2}:35:12/);
    expect(names[1]).toMatch(/^Restore the backup you made of December 4, 2026 at \d{1,2}:35:11\s?[AP]M \(1 of 2\)$/);
    expect(names[2]).toMatch(/\(2 of 2\)$/);
    expect(names[3]).toMatch(/^Restore the daily backup of December 4, 2026/);
    expect(names[4]).toMatch(/^Restore the backup made before an update of November 1, 2026/);
  });

  it('restores a backup from the list after saying what the vault goes back to, then reloads onto it', async () => {
    const { user, invoke } = setup({ 'backups.restore': () => ok({ restored: BACKUPS[3], safetyCopy: BACKUPS[0] }) });
    await user.click(await screen.findByRole('button', { name: /^Restore the daily backup of December 4, 2026/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent(/Your vault goes back as it was on December 4, 2026 .*: 11 openings, 1 note, 1 photo\./);
    expect(dialog).toHaveTextContent('Afterview first keeps the vault as it is now as a backup');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(calls(invoke, 'backups.restore')).toEqual([{ fileName: BACKUPS[3]!.fileName }]);
    expect(sessionStorage.getItem('afterview:restored')).toMatch(/^Restored the backup of December 4, 2026/);
  });

  it('says an older backup holds no photos and leaves the current ones', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: /before an update/ }));
    expect(screen.getByRole('dialog', { name: 'Restore this backup?' })).toHaveTextContent('no photos (an older backup). The photos you have now stay as they are.');
  });

  it('in the desktop app, picks a file through the dialog, says what it holds, and restores it', async () => {
    const { user, invoke } = setup({ 'backups.pick': () => ok(PICKED), 'backups.restorePicked': () => ok({ safetyCopy: BACKUPS[0] }) });
    await user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(calls(invoke, 'backups.pick')).toEqual([{ source: 'dialog' }]);
    expect(dialog).toHaveTextContent('from my old laptop.afterview-backup is a good backup, made by Afterview 1.2.0.');
    expect(dialog).toHaveTextContent(/October 2, 2026 .*: 30 openings, 1 note, 7 photos\./);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(calls(invoke, 'backups.restorePicked')).toEqual([{ id: PICKED.id }]);
  });

  it('does nothing when the dialog is closed without a file', async () => {
    const { user, invoke } = setup({ 'backups.pick': () => ok(null) });
    await user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    await waitFor(() => expect(calls(invoke, 'backups.pick')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly why a picked file cannot be restored, and offers no restore', async () => {
    const { user, invoke } = setup({ 'backups.pick': () => fail('INVALID_INPUT', 'This file is not an Afterview backup, so there is nothing in it to restore. Your vault was not changed.') });
    await user.click(await screen.findByRole('button', { name: 'Restore from a file…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not an Afterview backup, so there is nothing in it to restore. Your vault was not changed.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(invoke, 'backups.restorePicked')).toEqual([]);
  });

  it('in the browser preview, takes the file from a file field, uploads it, and restores it', async () => {
    const uploadBackup = vi.fn(async () => PICKED.id);
    const { user, invoke } = setup({ 'backups.pick': () => ok({ ...PICKED, fileName: null }), 'backups.restorePicked': () => ok({ safetyCopy: BACKUPS[0] }) }, uploadBackup);
    const file = new File(['backup bytes'], 'kept on a stick.afterview-backup');
    await user.upload(await screen.findByLabelText('Restore from a file…'), file);
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(uploadBackup).toHaveBeenCalledWith(file);
    expect(calls(invoke, 'backups.pick')).toEqual([{ uploadId: PICKED.id }]);
    expect(dialog).toHaveTextContent('kept on a stick.afterview-backup is a good backup');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });

  it('after the reload, says which backup was restored', async () => {
    sessionStorage.setItem('afterview:restored', 'Restored the backup of December 4, 2026 at 9:00:00 AM.');
    setup();
    expect(await screen.findByText('Restored the backup of December 4, 2026 at 9:00:00 AM.')).toBeInTheDocument();
    expect(sessionStorage.getItem('afterview:restored')).toBeNull();
  });

  it('backs up now and says what the backup holds', async () => {
    const { user } = setup({ 'backups.create': () => ok(BACKUPS[0]) });
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backed up and checked: 12 openings, 40 notes, 3 photos (3.0 MB).')).toBeInTheDocument();
  });
});
