import type { Migration } from './migration';

export const m0003RemindersSettings: Migration = {
  id: '0003_reminders_settings',
  up(db) {
    db.exec(`
      -- When an opening entered its stage: the playbook counts from it.
      ALTER TABLE openings ADD COLUMN stage_changed_at TEXT;
      UPDATE openings SET stage_changed_at = updated_at;

      -- The planned reminders, as absolute instants, with what the user did about them.
      CREATE TABLE reminders (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        detail TEXT NOT NULL,
        due_at TEXT NOT NULL,
        deadline_at TEXT,
        alerts TEXT NOT NULL,
        opening_id TEXT,
        target_kind TEXT NOT NULL,
        target_id TEXT NOT NULL,
        channel TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed')),
        snoozed_until TEXT,
        -- the next instant to notify at; NULL once every alert has rung
        next_alert_at TEXT,
        last_notified_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reminders_next_alert ON reminders(next_alert_at) WHERE status = 'open' AND next_alert_at IS NOT NULL;
      CREATE INDEX reminders_due ON reminders(status, due_at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
