import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPassphraseFile } from '#preview/passphrase-file';
import { startPreviewServer } from '#preview/server';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const PASSPHRASE = 'plum tractor orbit lantern';
const NEW_PASSPHRASE = 'quiet harbour under snow';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

/** The preview, restarted over the same vault, with a cheap passphrase cost for new passphrases (what it opens is recorded in the file). */
async function restart(passphrase?: string) {
  await app.server.close();
  app.server = await startPreviewServer({ vaultPath: app.vaultPath, rendererDir: 'out/renderer', kdfCost: CHEAP, passphrase, log: () => undefined });
  await app.page.goto(`${app.server.url}#/pipeline`);
}

describe('An encrypted vault in Chromium', () => {
  it('is encrypted from Settings, shows the recovery key once, and asks for the passphrase after a restart', async () => {
    await restart();
    await app.api('openings.create', { companyName: 'Quiet Harbour', role: 'Analyst' });
    const page = app.page;
    await page.goto(`${app.server.url}#/settings`);
    const encryption = page.getByRole('region', { name: 'Encryption' });
    await encryption.getByRole('button', { name: 'Encrypt with a passphrase…' }).click();
    await encryption.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await encryption.getByLabel('New passphrase again').fill('plum tractor orbit lantern?');
    await encryption.getByRole('button', { name: 'Encrypt my vault' }).click();
    await expect.poll(() => encryption.getByText('The two passphrases are not the same').isVisible()).toBe(true);
    await encryption.getByLabel('New passphrase again').fill(PASSPHRASE);
    await encryption.getByRole('button', { name: 'Encrypt my vault' }).click();
    const recovery = encryption.getByTestId('recovery-key');
    await recovery.waitFor({ timeout: 60_000 });
    const recoveryKey = (await recovery.textContent())!.trim();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await encryption.getByRole('button', { name: 'I have kept it' }).click();
    expect(await recovery.count()).toBe(0);
    expect(await encryption.getByText('are encrypted with your passphrase').isVisible()).toBe(true);

    // A restart: the unlock screen, a wrong passphrase refused plainly, then the right one.
    await restart();
    const field = page.getByLabel('Passphrase');
    await field.waitFor();
    expect(await page.getByRole('heading', { name: 'Your vault is locked' }).isVisible()).toBe(true);
    expect(await page.getByText('Quiet Harbour').count()).toBe(0);
    await field.fill('plum tractor orbit');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByText('That passphrase does not open this vault').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(app.server.session.isLocked()).toBe(true);
    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Quiet Harbour').waitFor({ timeout: 30_000 });

    // Lock now, from Settings: the screen goes, the recovery key opens it.
    await page.goto(`${app.server.url}#/settings`);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    expect(await page.getByRole('region', { name: 'Encryption' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Forgot it? Use your recovery key' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    // The passphrase is taken as forgotten: a new one comes first (the next test goes on from here).
    await page.getByRole('heading', { name: 'Choose a new passphrase' }).waitFor();
    // The old page's event stream reaching for the server before the restart is expected; nothing else may fail.
    expect(app.pageErrors.filter((error) => !/ERR_CONNECTION_(REFUSED|RESET)/.test(error))).toEqual([]);
  }, 180_000);

  it('opens at start with the passphrase in --passphrase-file, without the unlock screen; a wrong one is refused', async () => {
    await restart();
    await app.api('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    const file = app.dir.file('passphrase.txt');
    writeFileSync(file, `${PASSPHRASE}\r\n`);
    await restart(readPassphraseFile(file));
    await app.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await app.page.getByLabel('Passphrase').count()).toBe(0);
    // A wrong one stops the preview with a clear message.
    await app.server.close();
    await expect(startPreviewServer({ vaultPath: app.vaultPath, rendererDir: 'out/renderer', passphrase: 'wrong', log: () => undefined })).rejects.toThrow(/does not open this vault/);
    app.server = await startPreviewServer({ vaultPath: app.vaultPath, rendererDir: 'out/renderer', passphrase: PASSPHRASE, log: () => undefined });
  }, 120_000);

  it('after the recovery key opens it, a new passphrase must be chosen; it opens the vault after a restart, and the forgotten one no longer does', async () => {
    await restart();
    await app.api('openings.create', { companyName: 'Quiet Harbour', role: 'Analyst' });
    const { recoveryKey } = await app.api<{ recoveryKey: string }>('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    const file = app.dir.file('passphrase.txt');
    writeFileSync(file, `${PASSPHRASE}\n`);
    await restart(readPassphraseFile(file));
    const page = app.page;
    await page.getByText('Quiet Harbour').waitFor();

    // Forgotten: locked, then opened with the recovery key.
    await page.goto(`${app.server.url}#/settings`);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('button', { name: 'Forgot it? Use your recovery key' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const heading = page.getByRole('heading', { name: 'Choose a new passphrase' });
    await heading.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('region', { name: 'Encryption' }).isVisible()).toBe(false);
    // Not skipped by Escape, nor by a reload: the app stays behind it until a passphrase is chosen.
    await page.keyboard.press('Escape');
    await page.reload();
    await heading.waitFor();
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('New passphrase again').fill(`${NEW_PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Save passphrase' }).click();
    await page.getByText('The two passphrases are not the same').waitFor();
    await page.getByLabel('New passphrase again').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Save passphrase' }).click();
    await page.getByRole('region', { name: 'Encryption' }).waitFor({ timeout: 30_000 });
    expect(await heading.count()).toBe(0);

    // A restart: the forgotten passphrase is refused, the new one opens it.
    await restart();
    const field = page.getByLabel('Passphrase');
    await field.waitFor();
    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByText('That passphrase does not open this vault').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(app.server.session.isLocked()).toBe(true);
    await field.fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Quiet Harbour').waitFor({ timeout: 30_000 });
    expect(await heading.count()).toBe(0);
    // The old passphrase in --passphrase-file no longer opens it either.
    await app.server.close();
    await expect(startPreviewServer({ vaultPath: app.vaultPath, rendererDir: 'out/renderer', passphrase: PASSPHRASE, log: () => undefined })).rejects.toThrow(/does not open this vault/);
    app.server = await startPreviewServer({ vaultPath: app.vaultPath, rendererDir: 'out/renderer', passphrase: NEW_PASSPHRASE, log: () => undefined });
    expect(app.pageErrors.filter((error) => !/ERR_CONNECTION_(REFUSED|RESET)/.test(error))).toEqual([]);
  }, 180_000);
});
