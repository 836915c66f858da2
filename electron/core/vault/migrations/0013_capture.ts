import type { Migration } from './migration';

/**
 * Interviews and touchpoints captured from calendar invites and e-mails:
 * - an interview keeps the invite's UID and SEQUENCE, so that a newer
 *   SEQUENCE of the same UID updates it and a METHOD:CANCEL marks it
 *   cancelled (kept, not deleted: the user may want to know it was called off);
 * - a touchpoint keeps the e-mail's Message-ID, so that a message is logged
 *   once whether it came from a file or the mailbox, even after it was put in
 *   the trash (the index covers deleted rows on purpose);
 * - invitations a mailbox sync found wait in invite_offers until the user
 *   imports or dismisses them.
 * The user's own addresses and the mailbox account (never its password) are a
 * row of the settings table, key 'capture'.
 */
export const m0013Capture: Migration = {
  id: '0013_capture',
  up(db) {
    db.exec(`
      ALTER TABLE interviews ADD COLUMN invite_uid TEXT CHECK (invite_uid IS NULL OR length(invite_uid) BETWEEN 1 AND 1000);
      ALTER TABLE interviews ADD COLUMN invite_sequence INTEGER CHECK (invite_sequence IS NULL OR invite_sequence >= 0);
      ALTER TABLE interviews ADD COLUMN cancelled_at TEXT;
      CREATE INDEX interviews_invite ON interviews(invite_uid) WHERE invite_uid IS NOT NULL;

      ALTER TABLE touchpoints ADD COLUMN message_id TEXT CHECK (message_id IS NULL OR length(message_id) BETWEEN 1 AND 1000);
      CREATE UNIQUE INDEX touchpoints_message ON touchpoints(message_id) WHERE message_id IS NOT NULL;

      CREATE TABLE invite_offers (
        id TEXT PRIMARY KEY,
        invite_uid TEXT NOT NULL,
        invite_sequence INTEGER NOT NULL CHECK (invite_sequence >= 0),
        recurrence_id TEXT,
        cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
        message_id TEXT NOT NULL,
        -- The proposal as read (JSON), shown again when the user reviews it.
        proposal TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Imported or dismissed: no longer offered.
        resolved_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX invite_offers_once ON invite_offers(invite_uid, coalesce(recurrence_id, ''), invite_sequence, cancelled);
      CREATE INDEX invite_offers_open ON invite_offers(starts_at) WHERE resolved_at IS NULL;
    `);
  },
};
