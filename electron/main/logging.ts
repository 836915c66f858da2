import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import type { IpcMain, IpcMainEvent } from 'electron';
import type { LogFile, NodeLogger } from 'electron-log';

/** Where the main process writes: main.log in the app's log folder (Help ▸ Open Log Folder). */
export const LOG_FILE_NAME = 'main.log';
/** A log file past this size is set aside and a new one begun. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** How many set-aside files are kept (main.1.log is the newest); about 4 MB in all. */
export const LOG_KEEP = 3;

/**
 * Rotation: main.log becomes main.1.log, main.1.log main.2.log, and so on;
 * the oldest falls off the end. electron-log calls this when the file is full.
 */
export function rotateLogFiles(path: string, keep = LOG_KEEP): void {
  const { dir, name, ext } = parse(path);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  renameSync(path, numbered(1));
}

export interface LoggingOptions {
  logsDir: string;
  /** A packaged app logs info and up to the file only; development also prints everything to the terminal. */
  isPackaged: boolean;
}

/**
 * One log for the whole app, on this computer only: the main process's own
 * messages, everything it writes to the console (so existing console.error
 * calls land in the file too), and what the page reports (handleRendererLogs).
 */
export function configureLogging(logger: NodeLogger, { logsDir, isPackaged }: LoggingOptions, processConsole: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> = console): void {
  const file = logger.transports.file;
  file.resolvePathFn = () => join(logsDir, LOG_FILE_NAME);
  file.maxSize = LOG_MAX_BYTES;
  file.archiveLogFn = (old: LogFile) => rotateLogFiles(old.path);
  file.level = 'info';
  logger.transports.console.level = isPackaged ? false : 'debug';
  // electron-log's own console output keeps the original console, captured when it loaded.
  Object.assign(processConsole, logger.functions);
}

export const RENDERER_LOG_CHANNEL = 'afterview:renderer-log';

/** What the page may report: an error or warning, its stack, and the screen it was on. Never content of the vault. */
export interface RendererLogEntry {
  level: 'error' | 'warn';
  message: string;
  stack?: string;
  route?: string;
}

const MAX_FIELD = 4000;
/** A page stuck in an error loop must not fill the disk: at most this many entries per window of time. */
const BURST = 20;
const BURST_WINDOW_MS = 60_000;

/** Parses what arrived over IPC; anything else is dropped. Long fields are cut. */
export function parseRendererLogEntry(value: unknown): RendererLogEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  if (entry.level !== 'error' && entry.level !== 'warn') return null;
  if (typeof entry.message !== 'string') return null;
  const text = (field: unknown) => (typeof field === 'string' && field.length > 0 ? field.slice(0, MAX_FIELD) : undefined);
  return { level: entry.level, message: entry.message.slice(0, MAX_FIELD), stack: text(entry.stack), route: text(entry.route)?.slice(0, 200) };
}

/**
 * The page's errors reach the log through the preload (window.api.diagnostics)
 * and this channel: the page itself has no Node and no file access. Only our
 * own window may write, and only so often.
 */
export function handleRendererLogs(ipcMain: Pick<IpcMain, 'on'>, logger: Pick<NodeLogger, 'error' | 'warn'>, trusted: (event: IpcMainEvent) => boolean, now: () => number = Date.now): void {
  let windowStart = 0;
  let count = 0;
  let dropped = 0;
  ipcMain.on(RENDERER_LOG_CHANNEL, (event, value: unknown) => {
    if (!trusted(event)) return;
    const entry = parseRendererLogEntry(value);
    if (!entry) return;
    const time = now();
    if (time - windowStart >= BURST_WINDOW_MS) {
      if (dropped > 0) logger.warn(`[renderer] ${dropped} more messages were not logged (too many at once)`);
      windowStart = time;
      count = 0;
      dropped = 0;
    }
    if (count >= BURST) {
      dropped += 1;
      return;
    }
    count += 1;
    const where = entry.route ? ` (on ${entry.route})` : '';
    logger[entry.level](`[renderer] ${entry.message}${where}${entry.stack ? `\n${entry.stack}` : ''}`);
  });
}
