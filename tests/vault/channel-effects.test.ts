import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirFor, uploadedBackupPath } from '#core/backup/backups';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { isSessionChannel } from '#shared/ipc/channels/vault-lock';
import { CHANNELS, contract, type Channel } from '#shared/ipc/contract';
import { fixture } from '../unit/capture/fixtures';
import { coreHarness, IMAGES, type CoreHarness } from '#support/core-harness';

let core: CoreHarness;
afterEach(() => core?.cleanup());

const one = (core: CoreHarness, table: string) => (core.vault.db.prepare(`SELECT id FROM ${table} LIMIT 1`).get() as { id: string }).id;
const CSV = 'Company,Role\nAcme,Engineer\n';

/** A backup of the vault as the preview's page would upload it for backups.pick: its upload id. */
function pickedUpload(core: CoreHarness): string {
  const uploadId = '00000000-0000-4000-8000-0000000000aa';
  const [newest] = readdirSync(backupDirFor(core.vault.path)).filter((name) => name.endsWith('.afterview-backup'));
  copyFileSync(join(backupDirFor(core.vault.path), newest!), uploadedBackupPath(core.vault.path, uploadId));
  return uploadId;
}

/** A real input for every channel that declares it only reads, over the sample job search. */
function readInputs(core: CoreHarness): Record<string, unknown> {
  const opening = one(core, 'openings');
  const reference = (core.vault.db.prepare('SELECT opening_id AS openingId, reference_id AS referenceId FROM opening_references LIMIT 1').get() as { openingId: string; referenceId: string });
  const columns = { companyName: 0, role: 1 };
  return {
    'app.info': undefined,
    'backups.list': undefined,
    'backups.create': undefined,
    'backups.pick': { uploadId: pickedUpload(core) },
    'companies.list': undefined,
    'companies.get': { id: one(core, 'companies') },
    'contacts.list': undefined,
    'contacts.get': { id: one(core, 'contacts') },
    'cards.read': { id: (core.vault.db.prepare('SELECT id FROM cards LIMIT 1').get() as { id: string }).id },
    'csvImport.read': { text: CSV },
    'csvImport.check': { text: CSV, columns },
    'exports.pipelineCsv': undefined,
    'exports.interviewsIcs': undefined,
    'exports.vaultToFolder': { jobId: '00000000-0000-4000-8000-000000000001' },
    'exports.vaultCancel': { jobId: '00000000-0000-4000-8000-000000000001' },
    'exports.vaultToZip': { jobId: '00000000-0000-4000-8000-000000000004', protection: { kind: 'newPassphrase', passphrase: 'correct horse battery' } },
    'exports.checkZipProtection': { protection: { kind: 'newPassphrase', passphrase: 'correct horse battery' } },
    'imports.pick': { jobId: '00000000-0000-4000-8000-000000000002', source: 'zip' },
    'imports.cancel': { jobId: '00000000-0000-4000-8000-000000000002' },
    'imports.unlock': { jobId: '00000000-0000-4000-8000-000000000002', sourceId: '00000000-0000-4000-8000-000000000005', passphrase: 'correct horse battery' },
    'imports.discard': { importId: '00000000-0000-4000-8000-000000000003' },
    'insights.overview': undefined,
    'insights.timeline': { id: opening },
    'tips.get': undefined,
    'interviews.get': { id: one(core, 'interviews') },
    'letters.list': { openingId: opening },
    'letters.get': { id: one(core, 'letters') },
    'letters.export': { id: one(core, 'letters'), format: 'markdown' },
    'templates.list': undefined,
    'notes.get': { id: one(core, 'notes') },
    'notes.export': { id: one(core, 'notes'), format: 'html' },
    'openings.list': undefined,
    'openings.get': { id: opening },
    'openings.prepSheet.export': { id: opening, format: 'docx' },
    'references.list': undefined,
    'references.get': { id: reference.referenceId },
    'references.brief.get': reference,
    'references.brief.export': { ...reference, format: 'markdown' },
    'reminders.agenda': undefined,
    'settings.get': undefined,
    'sample.get': undefined,
    'search.query': { text: 'inter' },
    'touchpoints.list': { openingId: opening },
    'touchpoints.check': { openingId: opening, channel: 'email', direction: 'outbound', kind: 'follow_up' },
    'trash.list': undefined,
    'shell.openExternal': { url: 'https://example.com/jobs' },
    'capture.readInvite': { text: fixture('google-invite.ics').toString('utf8') },
    'capture.readEmail': { base64: fixture('gmail-reply.eml').toString('base64') },
    'capture.settings': undefined,
    'capture.offers': undefined,
    'mailbox.status': undefined,
    'mailbox.pause': undefined,
    'mailbox.resume': undefined,
  };
}

describe('what each channel declares it does to the vault', () => {
  it('every channel that says it only reads leaves every row as it was, and re-plans nothing (Insights among them)', async () => {
    core = coreHarness('2026-03-10T09:20:00.000Z');
    await core.call('sample.load', { timeZone: 'Europe/Berlin' });
    await core.call('cards.add', { contactId: one(core, 'contacts'), fileName: 'card.png', mimeType: 'image/png', dataBase64: IMAGES.png });
    await core.call('backups.create', undefined);
    const writesSeen: Channel[] = [];
    const dispatch = createDispatch(createHandlers({ vault: core.vault, appVersion: 't', now: core.clock.now }), () => undefined, { afterWrite: (channel) => writesSeen.push(channel) });
    const inputs = readInputs(core);
    // The lock and encryption channels are the vault session's, answered around the core's dispatch (vault-session.test.ts).
    const reads = CHANNELS.filter((channel) => contract[channel].effect === 'reads' && !isSessionChannel(channel));
    // A new read channel must be tried here too.
    expect(reads.filter((channel) => !(channel in inputs))).toEqual([]);

    for (const channel of reads) {
      // Settle whatever the previous call set going (a first read plans the reminders), then compare.
      await dispatch('reminders.agenda', undefined);
      const before = core.fingerprint();
      const answer = await dispatch(channel, inputs[channel]);
      // What only a shell can do (a folder or file dialog, handing a link to the system) is refused here, and still changes nothing.
      if (!['exports.vaultToFolder', 'exports.vaultToZip', 'exports.vaultCancel', 'imports.pick', 'imports.unlock', 'shell.openExternal'].includes(channel)) expect(answer.ok, `${channel}: ${JSON.stringify(answer).slice(0, 300)}`).toBe(true);
      expect(core.fingerprint(), channel).toBe(before);
    }
    expect(writesSeen).toEqual([]);
  }, 30_000); // every read channel over the whole sample: seconds on a busy machine

  it('a channel that writes re-plans the reminders once it succeeds, and not when it is refused', async () => {
    core = coreHarness();
    const writesSeen: Channel[] = [];
    const dispatch = createDispatch(createHandlers({ vault: core.vault, appVersion: 't', now: core.clock.now }), () => undefined, { afterWrite: (channel) => writesSeen.push(channel) });
    expect((await dispatch('openings.create', { companyName: 'Acme', role: 'Engineer' })).ok).toBe(true);
    expect((await dispatch('openings.create', { companyName: '', role: 'Engineer' })).ok).toBe(false);
    expect(writesSeen).toEqual(['openings.create']);
  });
});
