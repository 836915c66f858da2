import type { Migration } from './migration';

// Enum lists mirror shared/domain; repeated on purpose: a shipped migration never changes.
const CHANNELS = `'email','phone','linkedin','in_person','portal','letter'`;

/**
 * Letters (a thank-you note per interviewer, a reply to a rejection), the
 * user's letter templates, and the touchpoint log every sent letter and
 * follow-up lands in.
 */
export const m0004LettersTouchpoints: Migration = {
  id: '0004_letters_touchpoints',
  up(db) {
    db.exec(`
      CREATE TABLE letter_templates (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('thank_you','rejection')),
        name TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        doc TEXT NOT NULL,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- At most one default template per kind.
      CREATE UNIQUE INDEX letter_templates_default ON letter_templates(kind) WHERE is_default = 1;

      CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('thank_you','rejection')),
        opening_id TEXT NOT NULL REFERENCES openings(id) ON DELETE CASCADE,
        interview_id TEXT REFERENCES interviews(id) ON DELETE CASCADE,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        -- The recipient as they were when the letter was written.
        recipient_name TEXT NOT NULL,
        recipient_title TEXT,
        recipient_email TEXT,
        subject TEXT NOT NULL DEFAULT '',
        doc TEXT NOT NULL,
        plain_text TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','ready','sent')),
        started_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        sent_at TEXT,
        sent_channel TEXT CHECK (sent_channel IS NULL OR sent_channel IN (${CHANNELS})),
        mail_by TEXT,
        posted_at TEXT,
        template_id TEXT REFERENCES letter_templates(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK (status <> 'sent' OR sent_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX letters_opening ON letters(opening_id);
      CREATE INDEX letters_interview ON letters(interview_id);
      CREATE INDEX letters_unsent ON letters(due_at) WHERE sent_at IS NULL AND deleted_at IS NULL;
      CREATE INDEX letters_trash ON letters(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE touchpoints (
        id TEXT PRIMARY KEY,
        opening_id TEXT REFERENCES openings(id) ON DELETE CASCADE,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        channel TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
        direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
        kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('thank_you','rejection_reply','follow_up','reference_brief','stay_in_touch','linkedin_invite','other')),
        occurred_at TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        letter_id TEXT REFERENCES letters(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX touchpoints_opening ON touchpoints(opening_id, occurred_at);
      CREATE INDEX touchpoints_contact ON touchpoints(contact_id, occurred_at);
    `);
  },
};
