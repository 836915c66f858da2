import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransport, type Transport } from '#renderer/api';
import { DataPage } from '#renderer/features/data/DataPage';
import { createDispatch } from '#core/dispatch';
import { createVaultExports } from '#core/export/vault/export-jobs';
import { createHandlers } from '#core/handlers/index';
import { createVaultImports } from '#core/import/vault/vault-imports';
import { createAttachmentStore } from '#core/vault/attachments';
import { MIGRATIONS } from '#core/vault/migrations';
import type { EventName } from '#shared/ipc/contract';
import { coreHarness, IMAGES, type CoreHarness } from '#support/core-harness';
import { tempDir, tempVault, type TempDir } from '#support/temp-vault';
import { renderWithToasts } from './fixtures';

/**
 * The Data page over a real core and a real export: choosing the export, the
 * preview, the import and what the vault holds afterwards.
 */
let source: CoreHarness;
let exportDir: TempDir;
let exportFolder: string;
let exportZip: Buffer;
let protectedZip: Buffer;
let target: ReturnType<typeof tempVault>;

beforeEach(async () => {
  source = coreHarness('2026-03-02T09:00:00.000Z');
  const opening = await source.call('openings.create', { companyName: 'Northwind', role: 'Data Analyst' });
  const contact = await source.call('contacts.create', { name: 'Ana Ruiz' });
  await source.call('cards.add', { contactId: contact.id, fileName: 'ana.png', mimeType: 'image/png', dataBase64: IMAGES.png });
  const note = await source.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Why this team' });
  await source.call('notes.save', { id: note.id, title: 'Why this team', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'They ship weekly.' }] }] } });
  exportDir = tempDir('afterview-renderer-import-');
  const exports = createVaultExports({ db: source.vault.db, attachmentsDir: source.vault.attachmentsDir, schemaVersion: source.vault.schemaVersion, appVersion: '0.1.0', now: () => new Date('2026-03-02T09:00:00.000Z'), pickFolder: async () => exportDir.dir });
  const saved = await exports.toFolder(randomUUID());
  if (saved.outcome !== 'saved') throw new Error('no export');
  exportFolder = saved.folder;
  const chunks: Buffer[] = [];
  await exports.toZip(randomUUID(), { write: (chunk) => (chunks.push(Buffer.from(chunk)), true), drained: async () => undefined });
  exportZip = Buffer.concat(chunks);
  const sealed: Buffer[] = [];
  await exports.toZip(randomUUID(), { write: (chunk) => (sealed.push(Buffer.from(chunk)), true), drained: async () => undefined }, 'our export passphrase');
  protectedZip = Buffer.concat(sealed);
  target = tempVault();
});
afterEach(() => {
  source.cleanup();
  exportDir.remove();
  target.cleanup();
});

/** The core over the target vault as a shell binds it: the desktop's dialog, or the preview's upload. */
function shell(kind: 'desktop' | 'preview', pickedLocation: () => string | null = () => exportFolder) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const emit = (name: EventName, payload: unknown) => act(() => listeners.get(name)?.forEach((listener) => listener(payload)));
  const vaultImports = createVaultImports({
    db: target.db,
    vaultPath: target.path,
    attachments: createAttachmentStore(target.attachmentsDir),
    migrations: MIGRATIONS,
    emitProgress: (progress) => void emit('imports.progress', progress),
    pickSource: kind === 'desktop' ? async () => pickedLocation() : undefined,
  });
  const dispatch = createDispatch(createHandlers({ vault: target, appVersion: '0.1.0', now: () => new Date('2026-03-10T09:00:00.000Z'), vaultImports }), () => undefined, { validateOutput: true });
  const transport: Transport = {
    invoke: (channel, input) => dispatch(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    ready: () => undefined,
    ...(kind === 'preview'
      ? {
          vaultZip: async () => new Blob([]),
          async vaultImportZip(jobId: string, zip: Blob) {
            const path = vaultImports.uploadPath();
            writeFileSync(path, Buffer.from(await zip.arrayBuffer()));
            return vaultImports.inspect(jobId, path, true);
          },
        }
      : {}),
  };
  setTransport(transport);
}

const rows = (table: string) => (target.db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;

describe('bringing an export back in', () => {
  it('desktop: chooses the export folder, shows what it holds, and imports it with its photo', async () => {
    shell('desktop');
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    expect(section).toHaveTextContent('Nothing already in this vault is overwritten');
    await user.click(within(section).getByRole('button', { name: 'Import an export folder…' }));

    const preview = await within(section).findByRole('region', { name: /Ready to import \d+ records/ });
    await waitFor(() => expect(within(preview).getByRole('heading', { level: 3 })).toHaveFocus());
    expect(preview).toHaveTextContent('This vault is empty, so everything comes in exactly as it was exported.');
    const table = within(preview).getByRole('table', { name: 'What the export holds, and what importing it does' });
    expect(within(table).getByRole('row', { name: /Openings/ })).toHaveTextContent('Openings1100');
    expect(within(table).getByRole('row', { name: /Business card photos/ })).toHaveTextContent('Business card photos1100');
    // Nothing has changed yet.
    expect(rows('openings')).toBe(0);

    await user.click(within(preview).getByRole('button', { name: /^Import \d+ records$/ }));
    expect(await within(section).findByText(/^Imported \d+ records \(openings: 1, companies: 1, contacts: 1, notes: 1, business card photos: 1/)).toBeInTheDocument();
    expect(rows('openings')).toBe(1);
    expect(readdirSync(target.attachmentsDir)).toHaveLength(1);
  });

  it('preview: sends the .zip from the file input; a second time, says everything is already here', async () => {
    shell('preview');
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    const zip = () => new File([new Uint8Array(exportZip)], 'Afterview export 2026-03-02.zip', { type: 'application/zip' });
    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), zip());
    await user.click(await within(section).findByRole('button', { name: /^Import \d+ records$/ }));
    await within(section).findByText(/^Imported/);
    expect(rows('notes')).toBe(1);

    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), zip());
    const preview = await within(section).findByRole('region', { name: 'Everything in this export is already here' });
    expect(within(preview).getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
    await user.click(within(preview).getByRole('button', { name: 'Close' }));
    expect(within(section).getByLabelText('Afterview export (.zip)')).toBeInTheDocument();
  });

  it('says why a damaged or foreign export cannot come in, and changes nothing', async () => {
    shell('preview');
    const user = userEvent.setup({ applyAccept: false });
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    // The card photo, stored as it is in the zip, loses a byte's worth of picture.
    const damaged = Buffer.from(exportZip);
    const photo = damaged.indexOf(Buffer.from(IMAGES.png, 'base64'));
    expect(photo).toBeGreaterThan(0);
    damaged[photo + 12] = damaged[photo + 12]! ^ 0xff;
    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), new File([new Uint8Array(damaged)], 'export.zip'));
    expect(await within(section).findByRole('alert')).toHaveTextContent(/This export is damaged \(the photo .*\.png is not what its manifest says\), so it was not brought in\. Nothing was changed\./);
    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), new File(['Company,Role\n'], 'openings.csv'));
    await waitFor(() => expect(within(section).getByRole('alert')).toHaveTextContent('This file is not a zip archive Afterview can read.'));
    expect(rows('openings') + rows('notes') + rows('cards')).toBe(0);
  });

  it('a protected .zip: asks its passphrase, says plainly when it is wrong and changes nothing, then imports it with the right one', async () => {
    shell('preview');
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), new File([new Uint8Array(protectedZip)], 'Afterview export 2026-03-02.zip', { type: 'application/zip' }));
    const form = await within(section).findByRole('form', { name: 'This export is protected' });
    const field = within(form).getByLabelText('The export’s passphrase');
    expect(field).toHaveAttribute('type', 'password');
    await waitFor(() => expect(field).toHaveFocus());

    await user.click(within(form).getByRole('button', { name: 'Open the export' }));
    expect(field).toHaveAccessibleDescription('Type the export’s passphrase.');
    await user.type(field, 'a wrong guess');
    await user.click(within(form).getByRole('button', { name: 'Open the export' }));
    const again = await within(section).findByLabelText('The export’s passphrase');
    await waitFor(() => expect(again).toHaveAccessibleDescription('That passphrase does not open this export. Check Caps Lock and the keyboard layout, then try again. Nothing was changed.'));
    expect(rows('openings') + rows('notes') + rows('cards')).toBe(0);

    await user.type(again, 'our export passphrase');
    await user.click(within(section).getByRole('button', { name: 'Open the export' }));
    await user.click(await within(section).findByRole('button', { name: /^Import \d+ records$/ }));
    await within(section).findByText(/^Imported/);
    expect(rows('notes')).toBe(1);
    expect(readdirSync(target.attachmentsDir)).toHaveLength(1);
  });

  it('a protected .zip whose passphrase the user does not know: Cancel lets it go and changes nothing', async () => {
    shell('preview');
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    await user.upload(within(section).getByLabelText('Afterview export (.zip)'), new File([new Uint8Array(protectedZip)], 'export.zip', { type: 'application/zip' }));
    const form = await within(section).findByRole('form', { name: 'This export is protected' });
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(await within(section).findByLabelText('Afterview export (.zip)')).toBeInTheDocument();
    // The upload waiting for its passphrase is removed with it.
    await waitFor(() => expect(readdirSync(dirname(target.path)).filter((name) => name.startsWith('.afterview-import-'))).toEqual([]));
    expect(rows('openings')).toBe(0);
  });

  it('desktop: closing the dialog without choosing changes nothing and says nothing', async () => {
    shell('desktop', () => null);
    const user = userEvent.setup();
    renderWithToasts(<DataPage />);
    const section = screen.getByRole('region', { name: 'Bring an export back in' });
    await user.click(within(section).getByRole('button', { name: 'Import an export .zip…' }));
    await waitFor(() => expect(within(section).getByRole('button', { name: 'Import an export .zip…' })).toBeEnabled());
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });
});
