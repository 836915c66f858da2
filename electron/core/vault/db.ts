import type Database from 'better-sqlite3-multiple-ciphers';

/** An open SQLite database; its own module so that what the vault opens (backups before a migration) can name it without importing the opener. */
export type Db = Database.Database;
