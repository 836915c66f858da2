import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite, type VaultKey } from '../cipher';
import type { Db } from '../db';
import { migrate } from '../migrator';
import type { Migration } from '../migrations';
import { cardsTable } from '../tables/contacts';
import { selectList } from '../tables/sql';
import { matchUniqueRecords } from './merge';
import { columnNames, quotedName, userTables } from './schema';

/**
 * The staging vault: an export rebuilt as a vault of its own, in a scratch
 * file beside the user's vault, before anything of it comes in (merge.ts).
 * Nothing here touches the user's vault but to read it.
 */

/** A staging vault once filled and brought to this Afterview's schema. */
export interface StagedVault {
  /** The photo file name of every card it holds (those in the trash too). */
  cardFileNames(): string[];
  /** The photo file names of its cards the vault does not hold yet: what an import copies. */
  newCardPhotos(vault: Db): string[];
  /** Gives its companies and built-in templates the vault's ids for them (merge.ts). */
  matchTo(vault: Db): void;
  close(): void;
}

/** The staging vault while an export's rows go in. */
export interface StagingVault extends StagedVault {
  /** Its tables at the export's schema version, each with its column names. */
  tables: ReadonlyMap<string, ReadonlySet<string>>;
  /** One row; a batch of them is a transaction, begun by the first. Throws what SQLite says of a row that does not fit. */
  insert(table: string, columns: readonly string[], values: readonly unknown[]): void;
  /** Ends the batch. */
  commit(): void;
  /** Drops the batch. */
  rollback(): void;
  /** Brings it up to this Afterview's schema; answers whether every record points only at records it holds. */
  upgrade(): boolean;
}

export interface StagingVaultOptions {
  path: string;
  /** An encrypted vault's key: the staging vault beside it is encrypted too (and ATTACHes with the same key). */
  key: VaultKey | null;
  migrations: readonly Migration[];
  /** The schema version the export was written with: the staging vault starts there. */
  schemaVersion: number;
}

/** A new staging vault at the export's schema version, with its foreign keys off until it is whole. */
export function createStagingVault(options: StagingVaultOptions): StagingVault {
  const db = openSqlite(options.path, { key: options.key });
  try {
    // A scratch file: no journal, no waiting for the disk.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrate(db, options.migrations.slice(0, options.schemaVersion));
    db.pragma('foreign_keys = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  const tables = new Map(userTables(db).map((table) => [table, new Set(columnNames(db, table))]));
  const inserts = new Map<string, Database.Statement>();

  return {
    ...staged(db),
    tables,
    insert(table, columns, values) {
      const key = `${table}\u0000${columns.join('\u0000')}`;
      let statement = inserts.get(key);
      if (!statement) {
        statement = db.prepare(`INSERT INTO ${quotedName(table)} (${columns.map(quotedName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        inserts.set(key, statement);
      }
      if (!db.inTransaction) db.exec('BEGIN');
      statement.run(...values);
    },
    commit() {
      if (db.inTransaction) db.exec('COMMIT');
    },
    rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    upgrade() {
      migrate(db, options.migrations);
      return (db.pragma('foreign_key_check') as unknown[]).length === 0;
    },
  };
}

/** A staging vault built earlier (by createStagingVault), opened again. */
export function openStagingVault(path: string, key: VaultKey | null): StagedVault {
  return staged(openSqlite(path, { key }));
}

const CARD_PHOTOS = `SELECT ${selectList(cardsTable, 'k', ['id', 'fileName'])} FROM cards k`;

function staged(db: Db): StagedVault {
  const cards = () => db.prepare<[], { id: string; fileName: string }>(CARD_PHOTOS).all();
  return {
    cardFileNames: () => cards().map((card) => card.fileName),
    newCardPhotos(vault) {
      const inVault = vault.prepare<[string], { id: string }>('SELECT id FROM cards WHERE id = ?');
      return cards()
        .filter((card) => !inVault.get(card.id))
        .map((card) => card.fileName);
    },
    matchTo: (vault) => matchUniqueRecords(vault, db),
    close: () => db.close(),
  };
}
