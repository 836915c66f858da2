import type { Migration } from './migration';

// Enum lists mirror shared/domain; repeated here on purpose, because a shipped
// migration must not change when the domain code does.
const CHANNELS = `'email','phone','linkedin','in_person','portal','letter'`;
const IS_DATE = (column: string) => `${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
const IS_BOOLEAN = (column: string) => `${column} IN (0, 1)`;

/**
 * The vault proper: hiring-process facts on openings, contacts with their
 * business cards, interviews with their team and debrief, rich-text notes, the
 * company research log, and soft deletion (deleted_at) for everything the
 * trash can hold.
 */
export const m0002Vault: Migration = {
  id: '0002_vault',
  up(db) {
    db.exec(`
      ALTER TABLE openings ADD COLUMN location TEXT;
      ALTER TABLE openings ADD COLUMN salary_min INTEGER CHECK (salary_min IS NULL OR salary_min >= 0);
      ALTER TABLE openings ADD COLUMN salary_max INTEGER CHECK (salary_max IS NULL OR salary_max >= 0);
      ALTER TABLE openings ADD COLUMN salary_currency TEXT CHECK (salary_currency IS NULL OR salary_currency GLOB '[A-Z][A-Z][A-Z]');
      ALTER TABLE openings ADD COLUMN source TEXT;
      ALTER TABLE openings ADD COLUMN applied_on TEXT CHECK (${IS_DATE('applied_on')});
      ALTER TABLE openings ADD COLUMN next_step TEXT;
      ALTER TABLE openings ADD COLUMN notify_by TEXT CHECK (${IS_DATE('notify_by')});
      ALTER TABLE openings ADD COLUMN fill_by TEXT CHECK (${IS_DATE('fill_by')});
      ALTER TABLE openings ADD COLUMN follow_up_channel TEXT CHECK (follow_up_channel IS NULL OR follow_up_channel IN (${CHANNELS}));
      ALTER TABLE openings ADD COLUMN deleted_at TEXT;
      CREATE INDEX openings_trash ON openings(deleted_at) WHERE deleted_at IS NOT NULL;

      ALTER TABLE companies ADD COLUMN website TEXT;

      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        title TEXT,
        company_id TEXT REFERENCES companies(id) ON DELETE SET NULL,
        email TEXT,
        phone TEXT,
        linkedin_url TEXT,
        preferred_channel TEXT CHECK (preferred_channel IS NULL OR preferred_channel IN (${CHANNELS})),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX contacts_company ON contacts(company_id);
      CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE);
      CREATE INDEX contacts_trash ON contacts(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        opening_id TEXT NOT NULL REFERENCES openings(id) ON DELETE CASCADE,
        round INTEGER NOT NULL CHECK (round >= 1),
        title TEXT,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('onsite','phone','video')),
        location TEXT,
        meeting_url TEXT,
        -- the debrief checklist; empty until the user fills it in
        next_step_clear INTEGER NOT NULL DEFAULT 0 CHECK (${IS_BOOLEAN('next_step_clear')}),
        next_step TEXT NOT NULL DEFAULT '',
        notify_by TEXT CHECK (${IS_DATE('notify_by')}),
        fill_by TEXT CHECK (${IS_DATE('fill_by')}),
        cards_collected INTEGER NOT NULL DEFAULT 0 CHECK (${IS_BOOLEAN('cards_collected')}),
        impressions TEXT NOT NULL DEFAULT '',
        concerns TEXT NOT NULL DEFAULT '',
        questions TEXT NOT NULL DEFAULT '',
        learned TEXT NOT NULL DEFAULT '',
        completed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        -- UTC ISO strings of one format compare correctly as text
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX interviews_opening ON interviews(opening_id);
      -- covers the pipeline's per-opening count, next and last interview
      CREATE INDEX interviews_live_by_opening ON interviews(opening_id, starts_at) WHERE deleted_at IS NULL;
      CREATE INDEX interviews_trash ON interviews(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE interview_team (
        interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        -- what the debrief records about this interviewer
        preferred_channel TEXT CHECK (preferred_channel IS NULL OR preferred_channel IN (${CHANNELS})),
        card_collected INTEGER NOT NULL DEFAULT 0 CHECK (${IS_BOOLEAN('card_collected')}),
        PRIMARY KEY (interview_id, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX interview_team_contact ON interview_team(contact_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        parent_type TEXT NOT NULL CHECK (parent_type IN ('opening','interview','company','contact')),
        -- no foreign key: the parent lives in one of four tables; triggers below clean up
        parent_id TEXT NOT NULL,
        title TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        plain_text TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX notes_parent ON notes(parent_type, parent_id);
      CREATE INDEX notes_trash ON notes(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE research_entries (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        occurred_on TEXT NOT NULL CHECK (${IS_DATE('occurred_on')}),
        title TEXT NOT NULL,
        source_url TEXT,
        summary TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX research_company ON research_entries(company_id, occurred_on);
      CREATE INDEX research_trash ON research_entries(deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        -- the name in the attachments folder, chosen by Afterview (never the user's)
        file_name TEXT NOT NULL UNIQUE,
        original_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png','image/jpeg','image/webp')),
        size INTEGER NOT NULL CHECK (size > 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cards_contact ON cards(contact_id);

      -- A note goes with its parent, including when the parent goes by a cascade.
      CREATE TRIGGER openings_delete_notes AFTER DELETE ON openings BEGIN
        DELETE FROM notes WHERE parent_type = 'opening' AND parent_id = OLD.id;
      END;
      CREATE TRIGGER interviews_delete_notes AFTER DELETE ON interviews BEGIN
        DELETE FROM notes WHERE parent_type = 'interview' AND parent_id = OLD.id;
      END;
      CREATE TRIGGER contacts_delete_notes AFTER DELETE ON contacts BEGIN
        DELETE FROM notes WHERE parent_type = 'contact' AND parent_id = OLD.id;
      END;
      CREATE TRIGGER companies_delete_notes AFTER DELETE ON companies BEGIN
        DELETE FROM notes WHERE parent_type = 'company' AND parent_id = OLD.id;
      END;
    `);
  },
};
