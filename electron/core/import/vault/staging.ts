import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Manifest } from '#core/export/vault/manifest';
import { AppError } from '#core/errors';
import type { VaultKey } from '#core/vault/cipher';
import { createStagingVault, type StagedVault, type StagingVault } from '#core/vault/import/staging-vault';
import type { Migration } from '#core/vault/migrations';
import type { ExportSource } from './export-source';
import { ImportCanceled, importErrors } from './import-errors';

/** Rows per transaction while filling the staging vault; progress and Cancel are looked at between them. */
const BATCH = 500;
/** The longest line a dump holds is one row: a note at its largest, escaped. Past this the file is not one. */
const MAX_LINE = 64 * 1024 * 1024;

export interface StagingOptions {
  path: string;
  /** An encrypted vault's key: the staging vault beside it is encrypted too (and ATTACHes with the same key). */
  key: VaultKey | null;
  migrations: readonly Migration[];
  /** Called after each batch with the rows it held: progress, a turn of the event loop, and a Cancel check. */
  afterRows(rows: number): Promise<void>;
}

/**
 * The export rebuilt as a vault of its own: created at the schema version the
 * export was written with, filled row for row from afterview.json (checked
 * against the manifest's checksum and counts), then brought up to this
 * Afterview's schema by the same migrations any vault goes through, and
 * checked for rows that point at nothing. Nothing in the user's vault is
 * touched; a damaged export stops here.
 */
export async function buildStaging(source: ExportSource, manifest: Manifest, options: StagingOptions): Promise<StagedVault> {
  const staging = createStagingVault({ path: options.path, key: options.key, migrations: options.migrations, schemaVersion: manifest.schemaVersion });
  try {
    const counts = await fill(staging, source, manifest, options);
    for (const table of staging.tables.keys()) if (manifest.tables[table] === undefined) throw importErrors.damaged(`it lists no ${table}`);
    for (const [table, count] of Object.entries(manifest.tables)) {
      if ((counts.get(table) ?? 0) !== count) throw importErrors.damaged(`afterview.json holds ${counts.get(table) ?? 0} rows of ${table}, not ${count}`);
    }
    if (!staging.upgrade()) throw importErrors.damaged('some of its records point at records it does not hold');
    return staging;
  } catch (error) {
    staging.close();
    throw error;
  }
}

/** Reads the dump line by line as the export writes it (one row a line), hashing every byte, into the staging tables. */
async function fill(staging: StagingVault, source: ExportSource, manifest: Manifest, options: StagingOptions): Promise<Map<string, number>> {
  const known = staging.tables;
  const counts = new Map<string, number>();
  const hash = createHash('sha256');
  let bytes = 0;
  let state: 'header' | 'tables' | 'rows' | 'end' = 'header';
  let table = '';
  let batch = 0;

  const endBatch = async () => {
    staging.commit();
    await options.afterRows(batch);
    batch = 0;
  };
  const insert = (row: unknown) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw importErrors.damaged(`a row of ${table} is not a record`);
    const columns = Object.keys(row);
    const allowed = known.get(table)!;
    for (const column of columns) if (!allowed.has(column)) throw importErrors.damaged(`${table} has a field “${column.slice(0, 40)}” this version does not know`);
    const values = Object.values(row as Record<string, unknown>);
    for (const value of values) if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw importErrors.damaged(`a row of ${table} holds a value of the wrong kind`);
    try {
      staging.insert(table, columns, values);
    } catch {
      throw importErrors.damaged(`a row of ${table} does not fit the vault`);
    }
    counts.set(table, (counts.get(table) ?? 0) + 1);
    batch++;
  };
  const line = async (text: string) => {
    if (state === 'header') {
      let header: { format?: unknown; schemaVersion?: unknown };
      try {
        header = text.endsWith('"tables":{') ? (JSON.parse(`${text}}}`) as typeof header) : {};
      } catch {
        header = {};
      }
      if (header.format !== 'afterview-vault' || header.schemaVersion !== manifest.schemaVersion) throw importErrors.damaged('afterview.json does not start as an Afterview dump');
      state = 'tables';
      return;
    }
    if (state === 'tables') {
      if (text === '}}') {
        state = 'end';
        return;
      }
      const start = /^("(?:[^"\\]|\\.)*"):\[(\]?),?$/.exec(text);
      if (!start) throw importErrors.damaged('afterview.json is cut or edited');
      table = JSON.parse(start[1]!) as string;
      if (!known.has(table)) throw importErrors.damaged(`it has a table “${table.slice(0, 40)}” this version does not know`);
      if (counts.has(table)) throw importErrors.damaged(`${table} comes twice`);
      counts.set(table, 0);
      if (!start[2]) state = 'rows';
      return;
    }
    if (state === 'rows') {
      const end = text.lastIndexOf('}');
      const suffix = text.slice(end + 1);
      if (end < 0 || !['', ',', ']', '],'].includes(suffix)) throw importErrors.damaged('afterview.json is cut or edited');
      let row: unknown;
      try {
        row = JSON.parse(text.slice(0, end + 1));
      } catch {
        throw importErrors.damaged('afterview.json is cut or edited');
      }
      insert(row);
      if (suffix.startsWith(']')) state = 'tables';
      if (batch >= BATCH) await endBatch();
      return;
    }
    if (text !== '') throw importErrors.damaged('afterview.json goes on after its end');
  };

  try {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    const stream = await source.stream(manifest.data.path);
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        hash.update(buffer);
        bytes += buffer.length;
        if (bytes > manifest.data.bytes) throw importErrors.damaged('afterview.json is larger than its manifest says');
        pending += decoder.write(buffer);
        let from = 0;
        for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', from)) {
          await line(pending.slice(from, newline));
          from = newline + 1;
        }
        pending = pending.slice(from);
        if (pending.length > MAX_LINE) throw importErrors.damaged('afterview.json is not a dump Afterview wrote');
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof AppError || error instanceof ImportCanceled) throw error;
      if ((error as { code?: string }).code?.startsWith('Z_')) throw importErrors.damaged('afterview.json cannot be unpacked');
      throw error;
    }
    pending += decoder.end();
    if (pending !== '') await line(pending);
    if ((state as string) !== 'end') throw importErrors.damaged('afterview.json is cut short');
    if (bytes !== manifest.data.bytes || hash.digest('hex') !== manifest.data.sha256) throw importErrors.damaged('afterview.json is not what its manifest says');
    staging.commit();
  } catch (error) {
    staging.rollback();
    throw error;
  }
  return counts;
}
