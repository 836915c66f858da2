import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VAULT_IMPORT_ZIP_ROUTE } from '#shared/domain/vault-import';
import { createVaultExports } from '#core/export/vault/export-jobs';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { coreHarness } from '#support/core-harness';
import { tempDir } from '#support/temp-vault';

const dir = tempDir();
let server: PreviewServer;
let zip: Buffer;

beforeAll(async () => {
  const rendererDir = join(dir.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startPreviewServer({ vaultPath: dir.file('vault.sqlite'), rendererDir, log: () => undefined });
  const source = coreHarness();
  await source.call('openings.create', { companyName: 'Acme', role: 'Engineer' });
  const chunks: Buffer[] = [];
  await createVaultExports({ db: source.vault.db, attachmentsDir: source.vault.attachmentsDir, schemaVersion: source.vault.schemaVersion, appVersion: 'test', now: () => new Date() }).toZip(randomUUID(), {
    write: (chunk) => (chunks.push(Buffer.from(chunk)), true),
    drained: async () => undefined,
  });
  zip = Buffer.concat(chunks);
  source.cleanup();
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

function post(path: string, headers: Record<string, string>, body: Buffer) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; json: { ok: boolean; value?: { outcome: string; preview?: { toAdd: number } }; error?: { message: string } } | null }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: res.headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : null });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const leftovers = () => readdirSync(dirname(server.vault.path)).filter((name) => name.startsWith('.afterview-import'));

describe('the preview route that receives an export to import', () => {
  it('takes a .zip only from our page, with the token and a job id', async () => {
    expect((await post(`${VAULT_IMPORT_ZIP_ROUTE}?job=${randomUUID()}`, {}, zip)).status).toBe(401);
    expect((await post(`${VAULT_IMPORT_ZIP_ROUTE}?job=${randomUUID()}`, { 'X-Afterview-Token': server.token, Origin: 'http://evil.example' }, zip)).status).toBe(403);
    expect((await post(`${VAULT_IMPORT_ZIP_ROUTE}?job=../../etc`, { 'X-Afterview-Token': server.token }, zip)).status).toBe(400);
    expect(leftovers()).toEqual([]);
  });

  it('reads and checks the .zip and answers its preview; a file that is not one gets a clear message and leaves nothing', async () => {
    const ready = await post(`${VAULT_IMPORT_ZIP_ROUTE}?job=${randomUUID()}`, { 'X-Afterview-Token': server.token }, zip);
    expect(ready.json).toMatchObject({ ok: true, value: { outcome: 'ready', preview: { toAdd: 2 } } });
    const refused = await post(`${VAULT_IMPORT_ZIP_ROUTE}?job=${randomUUID()}`, { 'X-Afterview-Token': server.token }, Buffer.from('Company,Role\n'));
    expect(refused.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a zip archive Afterview can read/) } });
    // The refused upload is gone; the one waiting for its go-ahead was dropped when another was read.
    expect(leftovers()).toEqual([]);
    expect((server.vault.db.prepare('SELECT COUNT(*) AS n FROM openings').get() as { n: number }).n).toBe(0);
  });
});
