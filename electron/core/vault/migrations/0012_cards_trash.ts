import type { Migration } from './migration';

/**
 * A deleted business-card photo waits in the trash like everything else:
 * the row is marked, and its file stays until the trash is emptied.
 */
export const m0012CardsTrash: Migration = {
  id: '0012_cards_trash',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN deleted_at TEXT;
      CREATE INDEX cards_trash ON cards(deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};
