import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VAULT_ZIP_ROUTE } from '#shared/domain/data-export';
import { ZipSink } from '#core/export/vault/zip-sink';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { tempDir } from '#support/temp-vault';
import { unzipEntry, zipEntryNames } from '#support/unzip';

const dir = tempDir();
let server: PreviewServer;

beforeAll(async () => {
  const rendererDir = join(dir.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startPreviewServer({ vaultPath: dir.file('vault.sqlite'), rendererDir, log: () => undefined, now: () => new Date('2026-03-02T09:00:00.000Z') });
  const now = '2026-03-01T09:00:00.000Z';
  server.vault.db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Acme', 'acme', ?, ?)").run(now, now);
  server.vault.db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'applied', ?, ?)").run(now, now);
  server.vault.db
    .prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at) VALUES ('n1', 'opening', 'o1', 'Café ../../etc', ?, 'hello', ?, ?)")
    .run(JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hello' }] }] }), now, now);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const UNPROTECTED = JSON.stringify({ protection: { kind: 'none' } });

function get(path: string, headers: Record<string, string>, method = 'POST', body: string = UNPROTECTED) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

/** Listens to the page's event stream, as the renderer's EventSource does. */
function listen(): Promise<{ events: string[]; stop(): void }> {
  const url = new URL(`/api/events?token=${server.token}`, server.url);
  return new Promise((resolve) => {
    const events: string[] = [];
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => events.push(chunk));
      resolve({ events, stop: () => req.destroy() });
    });
    req.on('error', () => undefined);
    req.end();
  });
}

describe('the preview streams the whole vault as a zip', () => {
  it('to our page only: the same token and origin checks as every other route', async () => {
    const job = randomUUID();
    expect((await get(`${VAULT_ZIP_ROUTE}?job=${job}`, {})).status).toBe(401);
    expect((await get(`${VAULT_ZIP_ROUTE}?job=${job}`, { 'X-Afterview-Token': 'wrong' })).status).toBe(401);
    expect((await get(`${VAULT_ZIP_ROUTE}?job=${job}`, { 'X-Afterview-Token': server.token, Origin: 'http://evil.example' })).status).toBe(403);
    // A POST only: the passphrase, when there is one, travels in the body.
    expect((await get(`${VAULT_ZIP_ROUTE}?job=${job}`, { 'X-Afterview-Token': server.token }, 'GET')).status).toBe(405);
    const badJob = await get(`${VAULT_ZIP_ROUTE}?job=../../etc`, { 'X-Afterview-Token': server.token });
    expect(badJob.status).toBe(400);
    expect(JSON.parse(badJob.body.toString()).error.code).toBe('INVALID_INPUT');
  });

  it('as a download of Markdown and JSON, with progress on the event stream', async () => {
    const stream = await listen();
    const job = randomUUID();
    const response = await get(`${VAULT_ZIP_ROUTE}?job=${job}`, { 'X-Afterview-Token': server.token });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Afterview export 2026-03-02.zip"');
    const names = zipEntryNames(response.body);
    expect(names).toContain('Afterview export 2026-03-02/notes/Café .. .. etc.md');
    expect(names).toContain('Afterview export 2026-03-02/afterview.json');
    expect(unzipEntry(response.body, 'Afterview export 2026-03-02/notes/Café .. .. etc.md')).toMatch(/title: "Café \.\.\/\.\.\/etc"[\s\S]*hello\n$/);
    // The event stream is another connection: its last event may land after the download.
    await vi.waitFor(() => {
      const progress = stream.events.join('').split('\n\n').filter((block) => block.startsWith('event: exports.progress'));
      const last = JSON.parse(progress.at(-1)!.split('data: ')[1]!) as { jobId: string; done: number; total: number };
      expect(last).toMatchObject({ jobId: job });
      expect(last.done).toBe(last.total);
    });
    stream.stop();
  });

  it('encrypted with a new passphrase from the body, so none of its words show', async () => {
    const body = JSON.stringify({ protection: { kind: 'newPassphrase', passphrase: 'a long passphrase' } });
    const response = await get(`${VAULT_ZIP_ROUTE}?job=${randomUUID()}`, { 'X-Afterview-Token': server.token }, 'POST', body);
    expect(response.status).toBe(200);
    expect(zipEntryNames(response.body)).toContain('Afterview export 2026-03-02/afterview.json');
    expect(response.body.includes('Engineer')).toBe(false);
    expect(response.body.includes('Acme')).toBe(false);
  });

  it('refuses, before anything is written, a passphrase too short, the vault’s passphrase for a vault without one, or no choice at all', async () => {
    const refused = async (body: string) => {
      const response = await get(`${VAULT_ZIP_ROUTE}?job=${randomUUID()}`, { 'X-Afterview-Token': server.token }, 'POST', body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      return JSON.parse(response.body.toString()).error.message as string;
    };
    expect(await refused(JSON.stringify({ protection: { kind: 'newPassphrase', passphrase: 'short' } }))).toMatch(/at least 8 characters/);
    expect(await refused(JSON.stringify({ protection: { kind: 'vaultPassphrase', passphrase: 'anything at all' } }))).toMatch(/not the passphrase that opens your vault/);
    expect(await refused('')).toMatch(/not valid JSON/);
    expect(await refused(JSON.stringify({}))).toMatch(/protected with a passphrase/);
  });
});

describe('the preview’s zip, protected with an encrypted vault’s own passphrase', () => {
  it('is checked against the vault’s key: the right passphrase encrypts the zip, another is refused before anything is sent', async () => {
    const own = tempDir();
    const rendererDir = join(own.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const encrypted = await startPreviewServer({ vaultPath: own.file('vault.sqlite'), rendererDir, log: () => undefined, now: () => new Date('2026-03-02T09:00:00.000Z'), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
    try {
      await encrypted.session.dispatch('openings.create', { companyName: 'Vantablack Optics', role: 'Lens designer' });
      const turnedOn = await encrypted.session.dispatch('encryption.turnOn', { method: 'passphrase', passphrase: 'our vault passphrase' });
      expect(turnedOn.ok).toBe(true);
      const post = (passphrase: string) => {
        const url = new URL(`${VAULT_ZIP_ROUTE}?job=${randomUUID()}`, encrypted.url);
        return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'X-Afterview-Token': encrypted.token } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          });
          req.on('error', reject);
          req.end(JSON.stringify({ protection: { kind: 'vaultPassphrase', passphrase } }));
        });
      };
      const wrong = await post('not our passphrase');
      expect(wrong.status).toBe(400);
      expect(JSON.parse(wrong.body.toString()).error).toMatchObject({ field: 'passphrase', message: expect.stringMatching(/not the passphrase that opens your vault/) });
      const right = await post('our vault passphrase');
      expect(right.status).toBe(200);
      expect(zipEntryNames(right.body)).toContain('Afterview export 2026-03-02/manifest.json');
      expect(right.body.includes('Vantablack')).toBe(false);
    } finally {
      await encrypted.close();
      own.remove();
    }
  });
});

describe('a zip of more than 65,535 files', () => {
  it('carries a ZIP64 end record, so every entry is found', async () => {
    const chunks: Buffer[] = [];
    const sink = new ZipSink('big', { write: (chunk) => (chunks.push(Buffer.from(chunk)), true), drained: async () => undefined });
    const count = 65_600;
    for (let index = 0; index < count; index++) await sink.write([{ path: `notes/${index}.md`, content: '' }]);
    await sink.finish();
    const names = zipEntryNames(Buffer.concat(chunks));
    expect(names).toHaveLength(count);
    expect(names.at(-1)).toBe(`big/notes/${count - 1}.md`);
  }, 60_000);
});
