import type { Migration } from './migration';

// Enum lists mirror shared/domain; repeated on purpose: a shipped migration never changes.
const CHANNELS = `'email','phone','linkedin','in_person','portal','letter'`;

/**
 * References: the people who vouch for the user, whether they said yes, and
 * for each opening they are used for, the brief sent to them and the thanks
 * once the process ended.
 */
export const m0006References: Migration = {
  id: '0006_references',
  up(db) {
    db.exec(`
      CREATE TABLE "references" (
        id TEXT PRIMARY KEY,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        relationship TEXT,
        email TEXT,
        phone TEXT,
        permission TEXT NOT NULL DEFAULT 'not_asked' CHECK (permission IN ('not_asked','asked','granted','declined')),
        asked_at TEXT,
        answered_at TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX references_trash ON "references"(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE opening_references (
        opening_id TEXT NOT NULL REFERENCES openings(id) ON DELETE CASCADE,
        reference_id TEXT NOT NULL REFERENCES "references"(id) ON DELETE CASCADE,
        brief_doc TEXT NOT NULL,
        brief_text TEXT NOT NULL DEFAULT '',
        brief_revision INTEGER NOT NULL DEFAULT 0,
        briefed_at TEXT,
        brief_channel TEXT CHECK (brief_channel IS NULL OR brief_channel IN (${CHANNELS})),
        thanked_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (opening_id, reference_id)
      ) STRICT;
      CREATE INDEX opening_references_reference ON opening_references(reference_id);
    `);
  },
};
