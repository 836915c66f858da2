import { apiPath } from '#shared/ipc/api-path';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '#shared/ipc/contract';
import { BACKUP_UPLOAD_ROUTE } from '#shared/domain/backup';
import { VAULT_ZIP_ROUTE, type ZipProtection } from '#shared/domain/data-export';
import { VAULT_IMPORT_ZIP_ROUTE, type VaultImportInspected } from '#shared/domain/vault-import';
import type { AppErrorShape, Envelope } from '#shared/ipc/errors';

/** A failure the user can read; `field` names the form field at fault, if any. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly field?: string;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.field = shape.field;
  }
}

interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on(name: EventName, listener: (payload: unknown) => void): () => void;
  ready(): void;
  /** Answers app.flushRequested: the edits are saved, the window may close. Only the desktop shell asks. */
  flushed?(requestId: number): void;
  /** Hands an error on the page to the desktop app's log file; the preview has none (its console is the terminal's). */
  reportError?(entry: PageErrorReport): void;
  /**
   * The whole vault as a zip, for shells that cannot write a folder (the
   * browser preview); absent where exports.vaultToFolder works.
   */
  vaultZip?(jobId: string, protection: ZipProtection, signal: AbortSignal): Promise<Blob>;
  /**
   * Opens a link the core let through, for shells whose core cannot reach the
   * system itself (the browser preview: the browser opens it). In the desktop
   * app the core has already handed it to the system.
   */
  openInBrowser?(url: string): void;
  /** The shell tells what became of each download (the desktop's save dialog: 'file.saved'); the browser does not. */
  reportsSaves?: boolean;
  /** Sends an export's .zip to be read and checked, where no dialog can hand over a path (the browser preview). */
  vaultImportZip?(jobId: string, zip: Blob, signal: AbortSignal): Promise<VaultImportInspected>;
  /**
   * Sends a backup file the page's file field holds to the core, for
   * backups.pick to check: the browser preview's way; absent where the
   * desktop's own file dialog picks it. Answers the upload's id.
   */
  uploadBackup?(file: Blob): Promise<string>;
}

/** An error on the page as the log records it: what failed, where in the code, on which screen. */
export interface PageErrorReport {
  level: 'error' | 'warn';
  message: string;
  stack?: string;
  route?: string;
}

type PreloadApi = Record<string, Record<string, (input?: unknown) => Promise<Envelope<unknown>>>> & {
  events: {
    on(name: EventName, listener: (payload: unknown) => void): () => void;
    ready(): void;
    flushed(requestId: number): void;
    reportError(entry: PageErrorReport): void;
  };
};

/** In the desktop app: window.api from the preload. */
function preloadTransport(api: PreloadApi): Transport {
  return {
    invoke(channel, input) {
      const [namespace, action] = apiPath(channel);
      return api[namespace]![action]!(input);
    },
    on: (name, listener) => api.events.on(name, listener),
    ready: () => api.events.ready(),
    flushed: (requestId) => api.events.flushed(requestId),
    reportError: (entry) => api.events.reportError(entry),
    reportsSaves: true,
  };
}

/**
 * Browsers let a request outlive its page only with keepalive, and only for
 * small bodies (64 KiB in total across such requests); larger ones are sent
 * normally.
 */
const KEEPALIVE_BYTES = 60_000;
function fitsKeepalive(body: string): boolean {
  return body.length < KEEPALIVE_BYTES && new TextEncoder().encode(body).byteLength < KEEPALIVE_BYTES;
}

/**
 * The preview's events: one EventSource (Server-Sent Events) shared by every
 * listener, opened on the first one. It reconnects on its own if the server
 * restarts. EventSource cannot send headers, so the token rides in the query.
 */
function serverEvents(token: string): Transport['on'] {
  let source: EventSource | null = null;
  return (name, listener) => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    const handle = (event: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(event.data);
      } catch {
        return;
      }
      listener(payload);
    };
    source.addEventListener(name, handle);
    return () => source?.removeEventListener(name, handle);
  };
}

/** In the browser preview: the loopback server, with the token it put in our page. */
function httpTransport(token: string): Transport {
  const post = (channel: Channel, body: string, keepalive: boolean) =>
    fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Afterview-Token': token },
      body,
      // A save started as the tab closes still reaches the server.
      keepalive,
    });
  return {
    async invoke(channel, input) {
      const body = input === undefined ? '' : JSON.stringify(input);
      let response: Response;
      try {
        const keepalive = fitsKeepalive(body);
        // The keepalive budget is shared by all pending requests; when it is spent, send normally.
        response = await post(channel, body, keepalive).catch((error: unknown) => (keepalive ? post(channel, body, false) : Promise.reject(error)));
      } catch {
        return { ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'Afterview’s preview server is not answering. Is it still running?' } };
      }
      if (response.headers.get('Content-Type')?.startsWith('application/json')) return (await response.json()) as Envelope<unknown>;
      return { ok: false, error: { code: 'FORBIDDEN', message: `The preview server refused the request (${response.status}).` } };
    },
    on: serverEvents(token),
    ready: () => undefined,
    // A mailto: goes to the browser's mail handler; a web page opens in a new tab, cut off from this one.
    openInBrowser: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
    async uploadBackup(file) {
      let response: Response;
      try {
        response = await fetch(BACKUP_UPLOAD_ROUTE, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'X-Afterview-Token': token }, body: file });
      } catch {
        throw new ApiError({ code: 'VAULT_UNAVAILABLE', message: 'Afterview’s preview server is not answering. Is it still running?' });
      }
      const envelope = response.headers.get('Content-Type')?.startsWith('application/json') ? ((await response.json()) as Envelope<{ uploadId: string }>) : null;
      if (!envelope) throw new ApiError({ code: 'FORBIDDEN', message: `The preview server refused the file (${response.status}).` });
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value.uploadId;
    },
    async vaultZip(jobId, protection, signal) {
      // A POST: a passphrase goes in the body, never in the address (which browsers and servers keep in histories and logs).
      const response = await fetch(`${VAULT_ZIP_ROUTE}?job=${encodeURIComponent(jobId)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Afterview-Token': token },
        body: JSON.stringify({ protection }),
        signal,
      });
      if (!response.ok) {
        const envelope = response.headers.get('Content-Type')?.startsWith('application/json') ? ((await response.json()) as Envelope<unknown>) : null;
        throw new ApiError(envelope && !envelope.ok ? envelope.error : { code: 'FORBIDDEN', message: `The preview server refused the export (${response.status}).` });
      }
      return response.blob();
    },
    async vaultImportZip(jobId, zip, signal) {
      const response = await fetch(`${VAULT_IMPORT_ZIP_ROUTE}?job=${encodeURIComponent(jobId)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/zip', 'X-Afterview-Token': token },
        body: zip,
        signal,
      });
      const envelope = response.headers.get('Content-Type')?.startsWith('application/json') ? ((await response.json()) as Envelope<VaultImportInspected>) : null;
      if (!envelope) throw new ApiError({ code: 'FORBIDDEN', message: `The preview server refused the import (${response.status}).` });
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value;
    },
  };
}

let transport: Transport | undefined;
function getTransport(): Transport {
  if (transport) return transport;
  const preload = (window as unknown as { api?: PreloadApi }).api;
  if (preload) return (transport = preloadTransport(preload));
  const token = document.querySelector<HTMLMetaElement>('meta[name="afterview-preview-token"]')?.content;
  if (token) return (transport = httpTransport(token));
  throw new ApiError({ code: 'VAULT_UNAVAILABLE', message: 'Afterview could not reach its vault.' });
}

/** Tests swap the transport for a fake one. */
export function setTransport(next: Transport | undefined): void {
  transport = next;
}

export async function call<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const envelope = await getTransport().invoke(channel, args[0]);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as ChannelOutput<C>;
}

export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getTransport().on(name, listener as (payload: unknown) => void);
}

export function signalReady(): void {
  getTransport().ready();
}

/** Where a whole-vault export goes here: a folder the user picks (desktop), or a zip download (browser preview). */
export function vaultExportTarget(): 'folder' | 'zip' {
  return getTransport().vaultZip ? 'zip' : 'folder';
}

/** Streams the whole vault as a zip, encrypted if `protection` says so (browser preview only); progress arrives as 'exports.progress' events. */
export function downloadVaultZip(jobId: string, protection: ZipProtection, signal: AbortSignal): Promise<Blob> {
  const transport = getTransport();
  if (!transport.vaultZip) return Promise.reject(new ApiError({ code: 'VAULT_UNAVAILABLE', message: 'This window saves the export into a folder instead.' }));
  return transport.vaultZip(jobId, protection, signal);
}

/**
 * Hands a link to the browser or mail app through the shell: the core checks
 * it against the link policy first, in both shells. Resolves with the link as
 * it left; rejects with an ApiError whose message says why when it was
 * refused or the system could not open it.
 */
export async function openExternal(url: string): Promise<string> {
  const opened = await call('shell.openExternal', { url });
  getTransport().openInBrowser?.(opened.url);
  return opened.url;
}

/** True where the shell says whether a download was saved or cancelled (the desktop's save dialog). */
export function shellReportsSaves(): boolean {
  return getTransport().reportsSaves === true;
}

/** Sends an error on the page to the desktop app's log; nothing to do where there is no log (the preview). */
export function reportPageError(entry: PageErrorReport): void {
  getTransport().reportError?.(entry);
}

/** Tells the desktop shell that the edits it asked about (app.flushRequested) are saved. */
export function acknowledgeFlush(requestId: number): void {
  getTransport().flushed?.(requestId);
}

export type { Transport };

/** How an export to import is chosen here: a dialog for its folder or .zip (desktop), or a .zip sent from a file input (browser preview). */
export function vaultImportSource(): 'dialog' | 'upload' {
  return getTransport().vaultImportZip ? 'upload' : 'dialog';
}

/** The preview's way to read and check an export's .zip. */
export function uploadVaultImport(jobId: string, zip: Blob, signal: AbortSignal): Promise<VaultImportInspected> {
  const transport = getTransport();
  if (!transport.vaultImportZip) throw new ApiError({ code: 'VAULT_UNAVAILABLE', message: 'Here, choose the export with the buttons for a folder or a .zip file.' });
  return transport.vaultImportZip(jobId, zip, signal);
}

/** How a backup file to restore is chosen here: the desktop's file dialog, or a file field whose file is uploaded (browser preview). */
export function backupFileSource(): 'dialog' | 'upload' {
  return getTransport().uploadBackup ? 'upload' : 'dialog';
}

/** Hands a file from the page's file field to the core; its id is then given to backups.pick. */
export function uploadBackupFile(file: Blob): Promise<string> {
  const upload = getTransport().uploadBackup;
  if (!upload) return Promise.reject(new ApiError({ code: 'INVALID_INPUT', message: 'Choose the backup file with “Restore from a file…”.' }));
  return upload(file);
}
