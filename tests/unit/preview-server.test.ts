import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupDirFor } from '#core/backup/backups';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { tempDir } from '#support/temp-vault';

const dir = tempDir();
let server: PreviewServer;

beforeAll(async () => {
  const rendererDir = join(dir.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
  server = await startPreviewServer({ vaultPath: dir.file('vault.sqlite'), rendererDir, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

/** Raw HTTP so the test controls Host and Origin, as a hostile page could. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Afterview-Token': server.token, ...headers } });

describe('preview server', () => {
  it('listens on loopback only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('puts the per-run token into our page only', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="afterview-preview-token" content="${server.token}">`);
  });

  it('runs the same handlers: create then list', async () => {
    const created = await api('openings.create', { companyName: 'Loopback Ltd', role: 'QA' });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { companyName: 'Loopback Ltd' } });
    const listed = JSON.parse((await api('openings.list', null)).body);
    expect(listed.value).toHaveLength(1);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await send('/api/openings.list', { method: 'POST', body: '' })).status).toBe(401);
    expect((await api('openings.list', null, { 'X-Afterview-Token': 'guess' })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    expect((await api('openings.list', null, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect((await send('/', { headers: { Host: 'evil.example:80' } })).status).toBe(421);
  });

  it('answers malformed JSON with a readable error', async () => {
    const response = await send('/api/openings.create', { method: 'POST', body: '{"companyName":', headers: { 'X-Afterview-Token': server.token } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/not valid JSON/);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await send('/..%2f..%2fvault.sqlite')).status).toBe(404);
  });

  describe('backup file upload', () => {
    const upload = (body: string | Buffer, headers: Record<string, string> = {}) =>
      send('/api/backups/upload', { method: 'POST', body, headers: { 'Content-Type': 'application/octet-stream', 'X-Afterview-Token': server.token, ...headers } });
    const waiting = () => (existsSync(backupDirFor(server.vault.path)) ? readdirSync(backupDirFor(server.vault.path)).filter((name) => name.startsWith('.picked-')) : []);

    it('refuses a missing or wrong token, a foreign Origin or Host, and anything but POST, keeping nothing', async () => {
      expect((await send('/api/backups/upload', { method: 'POST', body: 'x' })).status).toBe(401);
      expect((await upload('x', { 'X-Afterview-Token': 'guess' })).status).toBe(401);
      expect((await upload('x', { Origin: 'https://evil.example' })).status).toBe(403);
      expect((await upload('x', { Host: 'evil.example:80' })).status).toBe(421);
      expect((await send('/api/backups/upload', { headers: { 'X-Afterview-Token': server.token } })).status).toBe(405);
      expect(waiting()).toEqual([]);
    });

    it('streams the file beside the backups for backups.pick, which checks it and says what it holds', async () => {
      await api('openings.create', { companyName: 'Uploaded Ltd', role: 'QA' });
      const made = JSON.parse((await api('backups.create', null)).body).value;
      const bytes = readFileSync(join(backupDirFor(server.vault.path), made.fileName));
      const answer = await upload(bytes);
      expect(answer.status).toBe(200);
      const { uploadId } = JSON.parse(answer.body).value;
      expect(readFileSync(join(backupDirFor(server.vault.path), `.picked-${uploadId}.part`)).equals(bytes)).toBe(true);
      const picked = JSON.parse((await api('backups.pick', { uploadId })).body);
      expect(picked).toMatchObject({ ok: true, value: { id: uploadId, contents: { includesPhotos: true, counts: { openings: made.contents.counts.openings } } } });

      // Anything else is refused by the same check, and not kept; only the newest file picked ever waits.
      const text = JSON.parse((await upload('not a backup at all')).body).value;
      expect(JSON.parse((await api('backups.pick', { uploadId: text.uploadId })).body).error.message).toMatch(/not an Afterview backup/);
      expect(waiting()).toEqual([]);
    });
  });

  describe('event stream', () => {
    const events = (query: string, headers: Record<string, string> = {}) => send(`/api/events${query}`, { headers });

    it('refuses a missing or wrong token, a foreign Origin or Host, and anything but GET', async () => {
      expect((await events('')).status).toBe(401);
      expect((await events('?token=guess')).status).toBe(401);
      expect((await events(`?token=${server.token}`, { Origin: 'https://evil.example' })).status).toBe(403);
      expect((await events(`?token=${server.token}`, { Host: 'evil.example:80' })).status).toBe(421);
      expect((await send(`/api/events?token=${server.token}`, { method: 'POST', body: '' })).status).toBe(405);
    });

    /** Opens an event stream and resolves `changed(n)` once n reminders.changed events have come. */
    function openStream() {
      const url = new URL(`/api/events?token=${encodeURIComponent(server.token)}`, server.url);
      let body = '';
      let type = '';
      const waiting: { count: number; resolve: () => void }[] = [];
      const seen = () => body.split('event: reminders.changed\ndata: {}\n\n').length - 1;
      const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search }, (res) => {
        type = String(res.headers['content-type']);
        res.on('data', (chunk) => {
          body += chunk;
          for (const wait of waiting.filter((w) => seen() >= w.count)) wait.resolve();
        });
      });
      req.end();
      return {
        type: () => type,
        changed: (count: number) => new Promise<void>((resolve) => (seen() >= count ? resolve() : waiting.push({ count, resolve }))),
        close: () => req.destroy(),
      };
    }

    it('tells the page when the reminders are planned after it loaded, then after a write changes the plan', async () => {
      const stream = openStream();
      // The reminders start once a page has loaded; the plan landing is news to Today.
      await stream.changed(1);
      expect(stream.type()).toMatch(/^text\/event-stream/);
      // An interview that just ended: its debrief is due now.
      const opening = JSON.parse((await api('openings.create', { companyName: 'Stream Co', role: 'Dev', stage: 'applied' })).body).value;
      const end = new Date(Date.now() - 60_000);
      const start = new Date(end.getTime() - 3_600_000);
      await api('interviews.create', { openingId: opening.id, startsAt: start.toISOString(), endsAt: end.toISOString(), timeZone: 'UTC', format: 'video' });
      await stream.changed(2);
      stream.close();
    });
  });

  it('serves the page and answers reads before the reminders have started', async () => {
    const rendererDir = join(dir.dir, 'renderer');
    const early = await startPreviewServer({ vaultPath: dir.file('early.sqlite'), rendererDir, log: () => undefined });
    const starts = vi.spyOn(early.reminders, 'start');
    const page = await fetch(early.url);
    const agenda = await fetch(new URL('/api/reminders.agenda', early.url), { method: 'POST', headers: { 'X-Afterview-Token': early.token } });
    expect(page.status).toBe(200);
    expect(((await agenda.json()) as { ok: boolean }).ok).toBe(true);
    expect(starts).not.toHaveBeenCalled();
    await early.close();
  });
});
