import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BACKUP_UPLOAD_ROUTE } from '#shared/domain/backup';
import type { MailboxStatus } from '#shared/domain/capture';
import { exportFolderName, VAULT_ZIP_ROUTE, vaultZipBodySchema } from '#shared/domain/data-export';
import { VAULT_IMPORT_ZIP_ROUTE } from '#shared/domain/vault-import';
import { idSchema } from '#shared/domain/fields';
import { uploadedBackupPath } from '#core/backup/backups';
import { createDispatch, MAX_INPUT_BYTES } from '#core/dispatch';
import { createVaultExports, type VaultExports } from '#core/export/vault/export-jobs';
import { AppError } from '#core/errors';
import { createHandlers } from '#core/handlers/index';
import { createVaultImports, type VaultImports } from '#core/import/vault/vault-imports';
import type { KdfCost } from '#core/keys/passphrase';
import { createVaultSession, type VaultSession } from '#core/keys/vault-session';
import { createAttachmentStore } from '#core/vault/attachments';
import { MIGRATIONS } from '#core/vault/migrations';
import { createReminderService, REMINDERS_AFTER_PAGE_MS, type ReminderService } from '#core/reminders/service';
import { ReminderAlerts } from '#core/shell/reminder-alerts';
import type { Vault } from '#core/vault/connection';
import { CONTENT_SECURITY_POLICY } from '#main/csp';
import { createBrowserShell } from './browser-shell';
import { createChromiumPrinter } from './chromium-printer';
import { EventStream } from './event-stream';
import { ShellLog } from './shell-log';

export interface PreviewOptions {
  vaultPath: string;
  rendererDir: string;
  port?: number;
  appVersion?: string;
  now?: () => Date;
  /** Where a notification shows: the preview has no notification centre, so it is a line on the console. */
  log?: (line: string) => void;
  /** Unlocks an encrypted vault at start (--passphrase-file); without it, the page shows the unlock screen. */
  passphrase?: string;
  /** Only tests lower the cost of a new passphrase. */
  kdfCost?: KdfCost;
}

export interface PreviewServer {
  url: string;
  token: string;
  vault: Vault;
  reminders: ReminderService;
  /** The vault's lock and encryption, as the page reaches them. */
  session: VaultSession;
  /** Every call on the shell port (links handed over, notifications, the tray's count, prints), for the end-to-end tests. */
  shellLog: ShellLog;
  close(): Promise<void>;
}

/** How long they wait for a page at most. */
const REMINDERS_WITHOUT_PAGE_MS = 3_000;

/** Far above any backup a vault makes (photos are at most 5 MB each); only stops a runaway upload filling the disk. */
const MAX_BACKUP_UPLOAD_BYTES = 16 * 1024 ** 3;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The browser shell: the same handlers as the desktop app behind
 * POST /api/<channel>, on loopback only, guarded by a per-run token that only
 * our own page receives (injected into its HTML), a Host check against DNS
 * rebinding and an Origin check against other local pages.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const now = options.now ?? (() => new Date());
  const events = new EventStream(SECURITY_HEADERS);
  // The desktop's shell port, adapted to the browser and logged; the printer is launched on the first print, then kept warm.
  const shellLog = new ShellLog(now);
  const shell = createBrowserShell({ printer: createChromiumPrinter(), log: shellLog, say: options.log ?? ((line: string) => console.log(line)) });
  const appVersion = options.appVersion ?? '0.0.0-preview';
  /** What runs over the open vault; made again when the vault is opened under a new key. */
  let current: { vault: Vault; reminders: ReminderService; alerts: ReminderAlerts; vaultExports: VaultExports; vaultImports: VaultImports } | null = null;
  let pageLoaded = false;
  const session = createVaultSession({
    vaultPath: options.vaultPath,
    appVersion,
    now,
    kdfCost: options.kdfCost,
    emit: ({ name, payload }) => {
      events.emit(name, payload);
      // The tray lists what is due only while the vault is open.
      current?.alerts.refresh();
    },
    start(vault, control) {
      // The same reminders as the desktop app, on real timers, raising the same notifications and tray count through the port.
      let alerts: ReminderAlerts | null = null;
      const reminders = createReminderService({
        db: vault.db,
        now,
        notify: (rang) => alerts?.notify(rang),
        canNotify: () => shell.canNotify(),
        onTick: () => alerts?.refresh(),
        onChange: () => events.emit('reminders.changed', {}),
      });
      alerts = new ReminderAlerts({ service: reminders, shell, openPath: (path) => events.emit('navigate', { path }), now, isLocked: () => session.isLocked() });
      // No folders in a browser: the whole-vault export streams from here as a zip, with progress over the event stream.
      const vaultExports = createVaultExports({
        db: vault.db,
        attachmentsDir: vault.attachmentsDir,
        key: vault.key,
        schemaVersion: vault.schemaVersion,
        appVersion,
        now,
        emitProgress: (progress) => events.emit('exports.progress', progress),
        isVaultPassphrase: control.isVaultPassphrase,
      });
      // Nor can a browser hand over a path: an export to import is sent here as a .zip, and read where the vault is.
      const vaultImports = createVaultImports({
        db: vault.db,
        vaultPath: vault.path,
        key: vault.key,
        attachments: createAttachmentStore(vault.attachmentsDir, vault.key),
        migrations: MIGRATIONS,
        emitProgress: (progress) => events.emit('imports.progress', progress),
      });
      // The mailbox password stays in this session's memory (the core's default): the preview has no keychain.
      const emitMailboxProgress = (status: MailboxStatus) => events.emit('mailbox.progress', status);
      const dispatch = createDispatch(createHandlers({ vault, appVersion, now, reminders, printer: shell.printer, shell, vaultImports, vaultExports, swapVaultFile: control.swapVaultFile, onVaultStateChange: control.onVaultStateChange, emitMailboxProgress }), console.error, {
        afterWrite: () => reminders.planSoon(),
      });
      current = { vault, reminders, alerts, vaultExports, vaultImports };
      // Rings, once, what came due while the preview was not running: after the
      // first page has loaded, so the plan (a few hundred ms on a large vault)
      // does not hold up its first requests; without a page, a moment after start.
      reminders.startSoon(pageLoaded ? REMINDERS_AFTER_PAGE_MS : REMINDERS_WITHOUT_PAGE_MS);
      return {
        dispatch,
        stop: () => {
          reminders.stop();
          current = null;
        },
      };
    },
  });
  session.begin();
  // A passphrase from a file (--passphrase-file): the preview opens an encrypted vault without the page, as the keychain would.
  if (options.passphrase !== undefined && session.isLocked()) {
    const unlocked = await session.dispatch('vault.unlock', { secret: options.passphrase });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
  }
  const dispatch = session.dispatch;
  const open = () => {
    if (!current) throw new AppError('LOCKED', 'The vault is locked. Type your passphrase to open it.');
    return current;
  };
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain', 'Internal error'));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (`http://${host}` !== origin && `http://${host.replace(/^localhost/, '127.0.0.1')}` !== origin) {
      return send(response, 421, 'text/plain', 'Unknown host');
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/api/events') return handleEvents(request, response, url);
    if (url.pathname === VAULT_ZIP_ROUTE) return handleVaultZip(request, response, url);
    if (url.pathname === VAULT_IMPORT_ZIP_ROUTE) return handleImportZip(request, response, url);
    if (url.pathname === BACKUP_UPLOAD_ROUTE) return handleBackupUpload(request, response);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
    return serveStatic(response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return send(response, 403, 'text/plain', 'Foreign origin');
    if (!tokenMatches(request.headers['x-afterview-token'])) return send(response, 401, 'text/plain', 'Missing or wrong token');
    let body: string;
    try {
      body = await readBody(request, MAX_INPUT_BYTES * 2);
    } catch {
      return sendJson(response, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'That is too large to save. Shorten it and try again.' } });
    }
    let input: unknown;
    try {
      input = body === '' ? undefined : JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' } });
    }
    sendJson(response, 200, await dispatch(channel, input === null ? undefined : input));
  }

  /** GET /api/events?token=…: EventSource cannot send headers, so the token comes in the query. */
  function handleEvents(request: IncomingMessage, response: ServerResponse, url: URL): void {
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return send(response, 403, 'text/plain', 'Foreign origin');
    if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return send(response, 401, 'text/plain', 'Missing or wrong token');
    events.add(response);
    // A page with its event stream open has loaded: the reminders start once its first reads are answered.
    pageLoaded = true;
    current?.reminders.startSoon(REMINDERS_AFTER_PAGE_MS);
  }

  /** A job route's checks (method, origin, token) and its job id; null once it has answered the refusal. */
  function jobOfRoute(request: IncomingMessage, response: ServerResponse, url: URL, method: 'GET' | 'POST', what: string): { data: string } | null {
    const requestOrigin = request.headers.origin;
    const job = idSchema.safeParse(url.searchParams.get('job'));
    if (request.method !== method) send(response, 405, 'text/plain', 'Method not allowed');
    else if (requestOrigin !== undefined && requestOrigin !== origin) send(response, 403, 'text/plain', 'Foreign origin');
    else if (!tokenMatches(request.headers['x-afterview-token'])) send(response, 401, 'text/plain', 'Missing or wrong token');
    else if (!job.success) sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `The ${what} has no valid job id.` } });
    else return { data: job.data };
    return null;
  }

  /**
   * POST /api/exports/vault.zip?job=<uuid>, with { protection } as its JSON
   * body (a passphrase never goes in the address): the whole vault as a zip,
   * encrypted if asked, streamed as it is written. Closing the download or
   * exports.vaultCancel stops it, and the response is then cut off, so a
   * browser never keeps a zip that looks whole but is not.
   */
  async function handleVaultZip(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const job = jobOfRoute(request, response, url, 'POST', 'export');
    if (!job) return;
    if (!current || session.isLocked()) return sendJson(response, 423, { ok: false, error: { code: 'LOCKED', message: 'The vault is locked. Type your passphrase to open it.' } });
    const { vaultExports } = open();
    if (vaultExports.isRunning()) {
      return sendJson(response, 409, { ok: false, error: { code: 'CONFLICT', message: 'An export is already running. Wait for it to finish or cancel it first.' } });
    }
    let passphrase: string | null;
    try {
      const body = vaultZipBodySchema.safeParse(JSON.parse(await readBody(request, 64 * 1024)));
      if (!body.success) return sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Say whether the export is protected with a passphrase.' } });
      passphrase = await vaultExports.passphraseFor(body.data.protection);
    } catch (error) {
      if (error instanceof AppError) return sendJson(response, 400, { ok: false, error: error.toShape() });
      return sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' } });
    }
    const fileName = `${exportFolderName(now())}.zip`;
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${fileName}"` });
    let finished = false;
    response.on('close', () => {
      if (!finished) vaultExports.cancel(job.data);
    });
    try {
      finished = await vaultExports.toZip(
        job.data,
        {
          write: (chunk) => response.write(chunk),
          drained: () => drainedOrClosed(response),
        },
        passphrase,
      );
    } catch (error) {
      console.error(error);
    }
    if (finished) response.end();
    else response.destroy();
  }

  /**
   * POST /api/imports/vault.zip?job=<uuid>: an export's .zip, streamed to a
   * file beside the vault, then read and checked as imports.pick does on the
   * desktop; answers its preview. The file is removed once read.
   */
  async function handleImportZip(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const job = jobOfRoute(request, response, url, 'POST', 'import');
    if (!job) return;
    if (!current || session.isLocked()) return sendJson(response, 423, { ok: false, error: { code: 'LOCKED', message: 'The vault is locked. Type your passphrase to open it.' } });
    const { vaultImports } = open();
    if (vaultImports.isRunning()) {
      return sendJson(response, 409, { ok: false, error: { code: 'CONFLICT', message: 'An import is already running. Wait for it to finish or cancel it first.' } });
    }
    const path = vaultImports.uploadPath();
    try {
      await pipeline(request, new SizeLimit(MAX_IMPORT_BYTES), createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      const tooLarge = error instanceof Error && error.message === SizeLimit.MESSAGE;
      return sendJson(response, tooLarge ? 413 : 400, { ok: false, error: { code: 'INVALID_INPUT', message: tooLarge ? 'That file is larger than any Afterview export. Choose the export’s .zip file.' : 'The file did not arrive whole. Please try again.' } });
    }
    try {
      sendJson(response, 200, { ok: true, value: await vaultImports.inspect(job.data, path, true) });
    } catch (error) {
      if (!(error instanceof AppError)) console.error(error);
      sendJson(response, 200, { ok: false, error: error instanceof AppError ? error.toShape() : { code: 'INTERNAL', message: 'Something went wrong inside Afterview; nothing was changed. Please try again.' } });
    }
  }

  /**
   * POST /api/backups/upload: a backup file the page's file field holds,
   * streamed (never held in memory) to a temporary file beside the backups,
   * where backups.pick finds it by the id answered here, checks it and says
   * what it holds. Nothing in the vault changes until backups.restorePicked.
   */
  async function handleBackupUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return send(response, 403, 'text/plain', 'Foreign origin');
    if (!tokenMatches(request.headers['x-afterview-token'])) return send(response, 401, 'text/plain', 'Missing or wrong token');
    if (session.isLocked()) return sendJson(response, 423, { ok: false, error: { code: 'LOCKED', message: 'The vault is locked. Type your passphrase to open it.' } });
    const uploadId = randomUUID();
    const path = uploadedBackupPath(options.vaultPath, uploadId);
    mkdirSync(dirname(path), { recursive: true });
    try {
      await pipeline(request, new SizeLimit(MAX_BACKUP_UPLOAD_BYTES), createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      const tooLarge = error instanceof Error && error.message === SizeLimit.MESSAGE;
      const message = tooLarge ? 'That file is larger than any backup Afterview makes, so it was not read.' : 'The file did not arrive whole. Try again.';
      // The page may still be sending: answer, then stop reading.
      if (!response.headersSent) sendJson(response, tooLarge ? 413 : 400, { ok: false, error: { code: 'INVALID_INPUT', message } });
      request.destroy();
      return;
    }
    sendJson(response, 200, { ok: true, value: { uploadId } });
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeSafe(pathname).replace(/^\/+/, '');
    const base = normalize(options.rendererDir + sep);
    const file = normalize(join(base, relative));
    if (!file.startsWith(base) || relative.includes('\0')) return send(response, 404, 'text/plain', 'Not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(response, 404, 'text/plain', 'Not found');
    }
    if (extname(file) === '.html') {
      const meta = `<meta name="afterview-preview-token" content="${token}">`;
      content = Buffer.from(content.toString('utf8').replace('</head>', `  ${meta}\n  </head>`));
    }
    send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', content);
  }

  function tokenMatches(given: string | string[] | undefined): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    token,
    get vault() {
      return open().vault;
    },
    get reminders() {
      return open().reminders;
    },
    session,
    shellLog,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.closeAllConnections();
        server.close(() => {
          session.close();
          shell.printer.close().then(resolve, resolve);
        });
      }),
  };
}

/** An export's .zip is mostly its notes; far past any real vault, a file is not one. */
const MAX_IMPORT_BYTES = 8 * 1024 ** 3;

/** Passes bytes through until there are more than `limit`, then fails. */
class SizeLimit extends Transform {
  static readonly MESSAGE = 'too large';
  private seen = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    done(this.seen > this.limit ? new Error(SizeLimit.MESSAGE) : null, chunk);
  }
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Resolves when the client has read what was written, or went away. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      response.off('drain', settle);
      response.off('close', settle);
      resolve();
    };
    response.on('drain', settle);
    response.on('close', settle);
  });
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '\0';
  }
}
