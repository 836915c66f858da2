import Database from 'better-sqlite3-multiple-ciphers';
import type { Dialog } from 'electron';

/** The one command that compiles the SQLite engine from source (scripts/sqlite-engine.mjs). */
export const REBUILD_COMMAND = 'npm run rebuild:sqlite';

/** Loads the SQLite addon the vault will use, on an in-memory database: it throws if the addon cannot load here. */
export function probeSqlite(): void {
  new Database(':memory:').close();
}

export interface SqliteCheckOptions {
  /** Throws when the addon does not load (probeSqlite). */
  load(): void;
  dialog: Pick<Dialog, 'showErrorBox'>;
  isPackaged: boolean;
  log(message: string, error: unknown): void;
}

/**
 * Before the vault is touched: does the database engine load in this
 * Electron at all? It is a Node-API addon, the same binary as the tests
 * use, shipped ready for Windows, macOS and Linux; a project folder on a
 * system without a ready binary gets the command that compiles it; a
 * packaged app, which always ships one, is incomplete and is reinstalled.
 * Either way the vault is not the problem, so no restore is offered for it.
 */
export function sqliteLoads({ load, dialog, isPackaged, log }: SqliteCheckOptions): boolean {
  try {
    load();
    return true;
  } catch (error) {
    log('The SQLite addon does not load in Electron', error);
    const reason = error instanceof Error ? error.message : String(error);
    const detail = isPackaged
      ? `This copy of Afterview is incomplete: its database engine does not load. Please install Afterview again; your vault is not affected.\n\n(${reason})`
      : `The database engine in this folder does not load, so Afterview cannot open your vault. Your vault is not affected. In the Afterview folder, run "npm install" again; on a system without a ready-made engine, run:\n\n    ${REBUILD_COMMAND}\n\nthen start Afterview again. It needs a C++ compiler and Python.\n\n(${reason})`;
    dialog.showErrorBox('Afterview’s database engine does not load', detail);
    return false;
  }
}
