import type Database from 'better-sqlite3-multiple-ciphers';

/** One step of the vault's schema; its own file so that migrations and their list do not import each other. */
export interface Migration {
  /** Sortable and unique: a zero-padded sequence number and a short name. */
  id: string;
  up(db: Database.Database): void;
}
