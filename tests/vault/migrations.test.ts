import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '#core/vault/connection';
import { migrate } from '#core/vault/migrator';
import { MIGRATIONS, type Migration } from '#core/vault/migrations';
import { createNotesRepository } from '#core/vault/repositories/notes';
import { tempDir, type TempDir } from '#support/temp-vault';

let dir: TempDir;
afterEach(() => dir?.remove());

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

describe('migration runner', () => {
  it('creates a new vault with every migration applied and recorded, in WAL mode with foreign keys on', () => {
    dir = tempDir();
    const vault = openVault(dir.file('v.sqlite'));
    expect(vault.schemaVersion).toBe(MIGRATIONS.length);
    expect(tables(vault.db)).toEqual(expect.arrayContaining(['companies', 'openings', 'schema_migrations']));
    const applied = vault.db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[];
    expect(applied.map((row) => row.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(vault.db.pragma('synchronous', { simple: true })).toBe(2);
    vault.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    dir = tempDir();
    openVault(dir.file('v.sqlite')).close();
    const again = openVault(dir.file('v.sqlite'));
    const count = again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number };
    expect(count.n).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a vault written by a newer Afterview and leaves it untouched', () => {
    dir = tempDir();
    const path = dir.file('v.sqlite');
    openVault(path).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run('9999_from_the_future', '2030-01-01T00:00:00.000Z');
    raw.close();
    expect(() => openVault(path)).toThrow(/newer version of Afterview/);
    const check = new Database(path);
    expect((check.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length + 1);
    check.close();
  });

  it.each([
    ['records a migration this build does not know', (db: Database.Database) => {
      migrate(db, MIGRATIONS);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run('9999_from_the_future', '2030-01-01T00:00:00.000Z');
    }],
    ['says in user_version it has more migrations than this build', (db: Database.Database) => {
      db.exec('CREATE TABLE future_things (id TEXT PRIMARY KEY)');
      db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    }],
  ])('refuses a vault that %s without writing a byte to it: not the journal mode, not a table', (_case, write) => {
    dir = tempDir();
    const path = dir.file('v.sqlite');
    // Left in rollback-journal mode, so that switching it to WAL would show in its bytes.
    const raw = new Database(path);
    write(raw);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(path);
    expect(() => openVault(path)).toThrow(/newer version of Afterview.*nothing in the vault was changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir.dir)).toEqual(['v.sqlite']);
  });

  it('rolls back a failing migration completely and does not record it', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    const broken: Migration = {
      id: '0002_broken',
      up(database) {
        database.exec('CREATE TABLE half_done (id INTEGER)');
        database.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [MIGRATIONS[0]!, broken])).toThrow();
    expect(tables(db)).not.toContain('half_done');
    expect((db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id)).toEqual([MIGRATIONS[0]!.id]);
    db.close();
  });

  it('reports a file that is not a vault without damaging it', () => {
    dir = tempDir();
    const path = dir.file('not-a-vault.sqlite');
    const garbage = Buffer.alloc(8192, 7);
    writeFileSync(path, garbage);
    expect(() => openVault(path)).toThrow(/vault file is damaged/);
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });
});

describe('0001_companies_openings (from an empty database)', () => {
  it('enforces the stage list and the company reference', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, [MIGRATIONS[0]!]);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    const insert = db.prepare('INSERT INTO openings (id, company_id, role, stage, job_url, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)');
    insert.run('o1', 'c1', 'Engineer', 'applied', now, now);
    expect(() => insert.run('o2', 'c1', 'Engineer', 'hired', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('o3', 'missing', 'Engineer', 'applied', now, now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c2', 'ACME', 'acme', now, now)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('0002_vault (from a vault with 0001 data)', () => {
  const now = '2026-01-01T00:00:00.000Z';

  function vaultAt0001() {
    dir = tempDir();
    const path = dir.file('v.sqlite');
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    migrate(db, [MIGRATIONS[0]!]);
    db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare('INSERT INTO companies VALUES (?, ?, ?, ?, ?)').run('c2', 'Globex', 'globex', now, now);
    const insert = db.prepare('INSERT INTO openings (id, company_id, role, stage, job_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('o1', 'c1', 'Engineer', 'applied', 'https://acme.example/jobs/1', now, now);
    insert.run('o2', 'c2', 'Designer', 'dormant', null, now, '2026-01-02T00:00:00.000Z');
    db.close();
    return path;
  }

  it('keeps every company and opening, with the new columns empty', () => {
    const vault = openVault(vaultAt0001());
    expect(vault.schemaVersion).toBe(MIGRATIONS.length);
    const openings = vault.db.prepare('SELECT * FROM openings ORDER BY id').all();
    expect(openings).toEqual([
      expect.objectContaining({ id: 'o1', company_id: 'c1', role: 'Engineer', stage: 'applied', job_url: 'https://acme.example/jobs/1', created_at: now, updated_at: now }),
      expect.objectContaining({ id: 'o2', company_id: 'c2', role: 'Designer', stage: 'dormant', job_url: null, updated_at: '2026-01-02T00:00:00.000Z' }),
    ]);
    for (const opening of openings as Record<string, unknown>[]) {
      for (const column of ['location', 'salary_min', 'salary_max', 'salary_currency', 'source', 'applied_on', 'next_step', 'notify_by', 'fill_by', 'follow_up_channel', 'deleted_at']) {
        expect(opening[column]).toBeNull();
      }
    }
    expect(vault.db.prepare('SELECT id, name, website FROM companies ORDER BY id').all()).toEqual([
      { id: 'c1', name: 'Acme', website: null },
      { id: 'c2', name: 'Globex', website: null },
    ]);
    expect(tables(vault.db)).toEqual(expect.arrayContaining(['contacts', 'interviews', 'interview_team', 'notes', 'research_entries', 'cards']));
    vault.close();
  });

  it('gives a new interview an empty debrief by default', () => {
    const vault = openVault(vaultAt0001());
    vault.db
      .prepare("INSERT INTO interviews (id, opening_id, round, starts_at, ends_at, time_zone, format, created_at, updated_at) VALUES ('i1', 'o1', 1, ?, ?, 'UTC', 'video', ?, ?)")
      .run('2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z', now, now);
    expect(vault.db.prepare('SELECT next_step_clear, next_step, cards_collected, impressions, completed_at, deleted_at FROM interviews').get()).toEqual({
      next_step_clear: 0,
      next_step: '',
      cards_collected: 0,
      impressions: '',
      completed_at: null,
      deleted_at: null,
    });
    vault.close();
  });

  it('enforces the enums, dates and references it declares', () => {
    const vault = openVault(vaultAt0001());
    const db = vault.db;
    expect(() => db.prepare("UPDATE openings SET follow_up_channel = 'pigeon' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE openings SET notify_by = 'next friday' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE openings SET salary_min = -1 WHERE id = 'o1'").run()).toThrow(/CHECK/);
    const contact = db.prepare('INSERT INTO contacts (id, name, company_id, preferred_channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    expect(() => contact.run('p0', 'Ann', 'c1', 'fax', now, now)).toThrow(/CHECK/);
    expect(() => contact.run('p0', 'Ann', 'nope', null, now, now)).toThrow(/FOREIGN KEY/);
    contact.run('p1', 'Ann', 'c1', 'email', now, now);
    const interview = db.prepare('INSERT INTO interviews (id, opening_id, round, starts_at, ends_at, time_zone, format, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)');
    expect(() => interview.run('i0', 'o1', '2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z', 'UTC', 'carrier pigeon', now, now)).toThrow(/CHECK/);
    expect(() => interview.run('i0', 'o1', '2026-01-05T10:00:00.000Z', '2026-01-05T09:00:00.000Z', 'UTC', 'video', now, now)).toThrow(/CHECK/);
    interview.run('i1', 'o1', '2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00.000Z', 'UTC', 'video', now, now);
    db.prepare("INSERT INTO interview_team (interview_id, contact_id, position) VALUES ('i1', 'p1', 0)").run();
    const note = db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, created_at, updated_at) VALUES (?, ?, 'i1', 't', ?, ?, ?)");
    expect(() => note.run('n0', 'letter', '{}', now, now)).toThrow(/CHECK/);
    expect(() => note.run('n0', 'interview', 'not json', now, now)).toThrow(/CHECK/);
    note.run('n1', 'interview', '{"type":"doc"}', now, now);
    expect(() => db.prepare("INSERT INTO cards (id, contact_id, file_name, original_name, mime_type, size, created_at) VALUES ('k1', 'p1', 'k1.gif', 'x.gif', 'image/gif', 10, ?)").run(now)).toThrow(/CHECK/);

    // Removing the opening takes its interviews, their team rows and notes; the contact stays.
    db.prepare("DELETE FROM openings WHERE id = 'o1'").run();
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('interviews'), count('interview_team'), count('notes'), count('contacts')]).toEqual([0, 0, 0, 1]);
    vault.close();
  });
});

describe('0003_reminders_settings (from a vault at 0002 with data)', () => {
  it('dates every opening in its stage from its last change, and adds the reminders and settings tables', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'interviewing', ?, '2026-02-03T00:00:00.000Z')").run(now);
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.prepare('SELECT stage_changed_at FROM openings').get()).toEqual({ stage_changed_at: '2026-02-03T00:00:00.000Z' });
    expect(tables(db)).toEqual(expect.arrayContaining(['reminders', 'settings']));
    db.close();
  });
});

describe('0004_letters_touchpoints (from a vault at 0003 with data)', () => {
  it('keeps the vault and adds letters, templates and touchpoints with their rules', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'interviewing', ?, ?)").run(now, now);
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.prepare('SELECT COUNT(*) AS n FROM openings').get()).toEqual({ n: 1 });
    const letter = db.prepare("INSERT INTO letters (id, kind, opening_id, recipient_name, doc, started_at, due_at, status, sent_at, created_at, updated_at) VALUES (?, 'thank_you', 'o1', 'Ana', '{}', ?, ?, ?, ?, ?, ?)");
    letter.run('l1', now, now, 'draft', null, now, now);
    expect(() => letter.run('l2', now, now, 'sent', null, now, now)).toThrow(/CHECK/);
    const template = db.prepare("INSERT INTO letter_templates (id, kind, name, doc, is_default, created_at, updated_at) VALUES (?, 'thank_you', 'T', '{}', 1, ?, ?)");
    template.run('t1', now, now);
    expect(() => template.run('t2', now, now)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO touchpoints (id, opening_id, channel, direction, occurred_at, created_at, updated_at) VALUES ('tp', 'o1', 'pigeon', 'outbound', ?, ?, ?)").run(now, now, now)).toThrow(/CHECK/);
    db.close();
  });
});

describe('0005_search (from a vault at 0004 with data)', () => {
  it('indexes every existing row, newest change last, and keeps it in step afterwards', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    const old = '2026-01-01T00:00:00.000Z';
    const recent = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Crème Brûlée Inc', 'creme', old, old);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, location, created_at, updated_at) VALUES ('o1', 'c1', 'Pastry Chef', 'applied', 'Paris', ?, ?)").run(old, old);
    db.prepare("INSERT INTO contacts (id, name, title, email, created_at, updated_at) VALUES ('p1', 'Zoë Martin', 'Sous-chef', 'zoe@example.com', ?, ?)").run(old, old);
    db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at) VALUES ('n1', 'opening', 'o1', 'Tasting', '{}', 'The custard was perfect', ?, ?)").run(recent, recent);
    db.prepare("INSERT INTO research_entries (id, company_id, occurred_on, title, summary, created_at, updated_at) VALUES ('r1', 'c1', '2026-01-05', 'Michelin', 'Two stars', ?, ?)").run(old, old);
    db.prepare("INSERT INTO letters (id, kind, opening_id, recipient_name, subject, doc, plain_text, started_at, due_at, created_at, updated_at) VALUES ('l1', 'thank_you', 'o1', 'Zoë', '', '{}', 'Merci for the custard', ?, ?, ?, ?)").run(old, old, old, old);

    migrate(db, MIGRATIONS.slice(0, 5));
    const found = (match: string) =>
      (db.prepare('SELECT d.kind || \':\' || d.ref_id AS hit FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ? ORDER BY f.rowid DESC').all(match) as { hit: string }[]).map((r) => r.hit);
    expect(found('"creme"*')).toEqual(['opening:o1', 'company:c1']);
    expect(found('"zoe"*')).toEqual(['letter:l1', 'contact:p1']);
    expect(found('"custard"')).toEqual(['note:n1', 'letter:l1']);
    expect(found('"paris" "pastry"')).toEqual(['opening:o1']);
    expect(found('"michelin"')).toEqual(['research:r1']);
    expect(found('"thank" "note"')).toEqual(['letter:l1']);

    db.prepare("UPDATE notes SET plain_text = 'Soufflé collapsed' WHERE id = 'n1'").run();
    expect(found('"custard"')).toEqual(['letter:l1']);
    expect(found('"souffle"')).toEqual(['note:n1']);
    db.prepare("DELETE FROM openings WHERE id = 'o1'").run();
    expect(found('"souffle"')).toEqual([]);
    expect(found('"paris"')).toEqual([]);
    const counts = db.prepare('SELECT (SELECT COUNT(*) FROM search_docs) AS docs, (SELECT COUNT(*) FROM search_fts) AS fts, (SELECT COUNT(*) FROM search_titles) AS titles').get();
    // The company, its research and the contact remain; the opening took its note and letter with it.
    expect(counts).toEqual({ docs: 3, fts: 3, titles: 3 });
    db.close();
  });
});

describe('0006_references (from a vault at 0005 with data)', () => {
  it('keeps the existing rows, adds references with a checked permission and one brief per opening and reference', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 5));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'interviewing', ?, ?)").run(now, now);
    db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES ('p1', 'Dana Lee', ?, ?)").run(now, now);

    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.prepare('SELECT COUNT(*) AS n FROM openings').get()).toEqual({ n: 1 });
    const reference = db.prepare('INSERT INTO "references" (id, contact_id, name, permission, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    reference.run('r1', 'p1', 'Dana Lee', 'granted', now, now);
    expect(() => reference.run('r2', null, 'Kim', 'maybe', now, now)).toThrow(/CHECK/);
    const brief = db.prepare('INSERT INTO opening_references (opening_id, reference_id, brief_doc, brief_channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    brief.run('o1', 'r1', '{}', null, now, now);
    expect(() => brief.run('o1', 'r1', '{}', null, now, now)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => brief.run('o1', 'missing', '{}', null, now, now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE opening_references SET brief_channel = 'pigeon'").run()).toThrow(/CHECK/);
    // The contact going leaves the reference; the opening going takes its briefs.
    db.prepare("DELETE FROM contacts WHERE id = 'p1'").run();
    expect(db.prepare('SELECT contact_id FROM "references" WHERE id = ?').get('r1')).toEqual({ contact_id: null });
    db.prepare("DELETE FROM openings WHERE id = 'o1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM opening_references').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0007_read_indexes (from a vault at 0006 with data)', () => {
  it("keeps every note and serves a page's notes list from the index alone, in the list's order", () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6));
    const note = db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at, deleted_at) VALUES (?, 'opening', 'o1', ?, '{}', ?, ?, ?, ?)");
    note.run('n1', 'First call', 'x'.repeat(5000), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', null);
    note.run('n2', 'Second call', 'Went well', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', null);
    note.run('n3', 'Trashed', 'Gone', '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
    db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at) VALUES ('n4', 'contact', 'o1', 'Elsewhere', '{}', '', ?, ?)").run('2026-01-06T00:00:00.000Z', '2026-01-06T00:00:00.000Z');

    migrate(db, MIGRATIONS.slice(0, 7));
    expect(db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 4 });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('notes', 'reminders') AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(indexes).toEqual(['notes_summary', 'notes_trash', 'reminders_next_alert', 'reminders_open_due']);
    db.close();

    // Through the repository's own query, as a page asks for its notes.
    const vault = openVault(dir.file('v.sqlite'));
    const statements: string[] = [];
    const prepare = vault.db.prepare.bind(vault.db);
    vault.db.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof vault.db.prepare;
    const notes = createNotesRepository(vault.db);
    const listed = notes.summariesOf('opening', 'o1');
    expect(listed.map((summary) => summary.id)).toEqual(['n2', 'n1']);
    expect(listed[1]!.excerpt.length).toBeLessThan(200);
    const list = statements.find((source) => /WHERE n\.parent_type = @parentType AND n\.parent_id = @parentId/.test(source))!;
    const plan = (prepare(`EXPLAIN QUERY PLAN ${list}`).all({ parentType: 'opening', parentId: 'o1' }) as { detail: string }[]).map((row) => row.detail);
    // If the excerpt's length or the list's columns change, the index must follow, or every page reads whole notes again.
    expect(plan).toEqual(['SEARCH n USING COVERING INDEX notes_summary (parent_type=? AND parent_id=?)']);
    vault.close();
  });
});

describe('0008_sample_rows (from a vault at 0007 with data)', () => {
  it('keeps the existing rows unmarked, and drops a mark when its row goes, however it goes', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'interviewing', ?, ?)").run(now, now);
    db.prepare("INSERT INTO interviews (id, opening_id, round, starts_at, ends_at, time_zone, format, created_at, updated_at) VALUES ('i1', 'o1', 1, ?, '2026-02-01T01:00:00.000Z', 'UTC', 'video', ?, ?)").run(now, now, now);

    migrate(db, MIGRATIONS.slice(0, 8));
    expect(db.prepare('SELECT COUNT(*) AS n FROM openings').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM sample_rows').get()).toEqual({ n: 0 });
    const mark = db.prepare('INSERT INTO sample_rows (table_name, row_id) VALUES (?, ?)');
    mark.run('openings', 'o1');
    mark.run('interviews', 'i1');
    expect(() => mark.run('openings', 'o1')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => mark.run('settings', 'x')).toThrow(/CHECK/);
    // The opening going takes its interview by cascade; both marks go with them.
    db.prepare("DELETE FROM openings WHERE id = 'o1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sample_rows').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0010_letters_by_contact (from a vault at 0009 with data)', () => {
  it("keeps every letter and finds a person's letters by the index, as the reminders and the contact page ask", () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 9));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('c1', 'Acme', 'acme', now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Engineer', 'rejected', ?, ?)").run(now, now);
    db.prepare("INSERT INTO contacts (id, name, company_id, created_at, updated_at) VALUES ('p1', 'Ana Ruiz', 'c1', ?, ?)").run(now, now);
    const letter = db.prepare(`INSERT INTO letters (id, kind, opening_id, contact_id, recipient_name, doc, status, started_at, due_at, created_at, updated_at)
      VALUES (?, 'rejection', 'o1', ?, 'Ana Ruiz', '{}', 'draft', ?, ?, ?, ?)`);
    letter.run('l1', 'p1', now, now, now, now);
    letter.run('l2', null, now, now, now, now);

    migrate(db, MIGRATIONS.slice(0, 10));
    expect(db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 2 });
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT opening_id FROM letters l WHERE l.contact_id = 'p1' AND l.contact_id IS NOT NULL").all() as { detail: string }[]).map((row) => row.detail);
    expect(plan).toEqual(['SEARCH l USING INDEX letters_contact (contact_id=?)']);
    db.close();
  });
});

describe('0011_sample_loaded_at (from a vault at 0010 with a sample loaded)', () => {
  it('remembers each sample row as loaded, and counts one changed well after the load as the user’s', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 10));
    const loaded = '2026-02-01T10:00:00.000Z';
    const insert = db.prepare('INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('untouched', 'Sample Co', 'sample co', loaded, loaded);
    // Written again in the same load (a debrief saved, a letter sent): still the sample's.
    insert.run('settled', 'Settled Co', 'settled co', loaded, '2026-02-01T10:00:00.850Z');
    insert.run('edited', 'Edited Co', 'edited co', loaded, '2026-02-03T16:20:00.000Z');
    insert.run('mine', 'Mine Co', 'mine co', '2026-02-04T09:00:00.000Z', '2026-02-04T09:00:00.000Z');
    for (const id of ['untouched', 'settled', 'edited']) db.prepare("INSERT INTO sample_rows (table_name, row_id) VALUES ('companies', ?)").run(id);

    migrate(db, MIGRATIONS.slice(0, 11));
    expect(db.prepare('SELECT row_id AS id, loaded_at AS loadedAt FROM sample_rows ORDER BY row_id').all()).toEqual([
      { id: 'edited', loadedAt: null },
      { id: 'settled', loadedAt: '2026-02-01T10:00:00.850Z' },
      { id: 'untouched', loadedAt: loaded },
    ]);
    db.close();
  });
});

describe('0012_cards_trash (from a vault at 0011 with a card)', () => {
  it('keeps every card, not in the trash, and lets one wait there', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 11));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES ('p1', 'Ann', ?, ?)").run(now, now);
    db.prepare("INSERT INTO cards (id, contact_id, file_name, original_name, mime_type, size, created_at) VALUES ('k1', 'p1', 'k1.png', 'front.png', 'image/png', 10, ?)").run(now);

    migrate(db, MIGRATIONS.slice(0, 12));
    expect(db.prepare('SELECT id, deleted_at FROM cards').all()).toEqual([{ id: 'k1', deleted_at: null }]);
    db.prepare("UPDATE cards SET deleted_at = ? WHERE id = 'k1'").run(now);
    expect(db.prepare('SELECT id FROM cards WHERE deleted_at IS NOT NULL').all()).toEqual([{ id: 'k1' }]);
    db.close();
  });
});

describe('0014_search_everything (from a vault at 0012 with data)', () => {
  it('indexes the debriefs, touchpoints and references already there, in the order they changed, and keeps them in step', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    const at0014 = MIGRATIONS.findIndex((migration) => migration.id === '0014_search_everything');
    migrate(db, MIGRATIONS.slice(0, at0014));
    const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T00:00:00.000Z`;
    db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Globex', 'globex', ?, ?)").run(day(1), day(1));
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Analyst', 'interviewing', ?, ?)").run(day(1), day(1));
    db.prepare("INSERT INTO contacts (id, name, created_at, updated_at) VALUES ('p1', 'Hank Scorpio', ?, ?)").run(day(1), day(1));
    db.prepare(`INSERT INTO interviews (id, opening_id, round, starts_at, ends_at, time_zone, format, concerns, learned, created_at, updated_at)
      VALUES ('i1', 'o1', 1, ?, ?, 'UTC', 'video', 'The volcano lair is remote', 'They ship weekly', ?, ?)`).run(day(2), day(3), day(2), day(4));
    db.prepare(`INSERT INTO touchpoints (id, opening_id, contact_id, channel, direction, kind, occurred_at, summary, created_at, updated_at)
      VALUES ('t1', 'o1', 'p1', 'email', 'inbound', 'other', ?, 'Asked about the volcano', ?, ?)`).run(day(5), day(5), day(5));
    db.prepare(`INSERT INTO "references" (id, name, relationship, notes, created_at, updated_at) VALUES ('r1', 'Lisa Simpson', 'Mentor', 'Knows the volcano work', ?, ?)`).run(day(3), day(3));
    db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, created_at, updated_at) VALUES ('n1', 'opening', 'o1', 'Volcano', '{}', 'lava', ?, ?)").run(day(6), day(6));

    migrate(db, MIGRATIONS.slice(0, at0014 + 1));
    const found = (match: string) =>
      (db.prepare("SELECT d.kind || ':' || d.ref_id AS hit FROM search_fts f JOIN search_docs d ON d.id = f.rowid WHERE search_fts MATCH ? ORDER BY f.rowid DESC").all(match) as { hit: string }[]).map((r) => r.hit);
    // Newest change first, across every kind, as before the migration.
    expect(found('"volcano"')).toEqual(['note:n1', 'touchpoint:t1', 'interview:i1', 'reference:r1']);
    expect(found('"weekly"')).toEqual(['interview:i1']);
    expect(found('"scorpio"')).toEqual(['touchpoint:t1', 'contact:p1']);
    expect(found('"mentor"')).toEqual(['reference:r1']);

    // The old triggers went with the old index: each change is indexed once.
    db.prepare("UPDATE interviews SET concerns = 'None at all' WHERE id = 'i1'").run();
    db.prepare("UPDATE companies SET name = 'Initech' WHERE id = 'c1'").run();
    expect(found('"volcano"')).toEqual(['note:n1', 'touchpoint:t1', 'reference:r1']);
    expect(found('"initech"')).toEqual(['opening:o1', 'company:c1']);
    const counts = db.prepare('SELECT (SELECT COUNT(*) FROM search_docs) AS docs, (SELECT COUNT(*) FROM search_fts) AS fts, (SELECT COUNT(*) FROM search_titles) AS titles').get();
    expect(counts).toEqual({ docs: 7, fts: 7, titles: 7 });
    db.close();
  });
});

describe('0013_capture (from a vault at 0012 with an interview and a touchpoint)', () => {
  it('keeps them as they were, and keys a touchpoint by its Message-ID once, even in the trash', () => {
    dir = tempDir();
    const db = new Database(dir.file('v.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 12));
    const now = '2026-02-01T00:00:00.000Z';
    db.prepare("INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Acme', 'acme', ?, ?)").run(now, now);
    db.prepare("INSERT INTO openings (id, company_id, role, stage, created_at, updated_at) VALUES ('o1', 'c1', 'Dev', 'applied', ?, ?)").run(now, now);
    db.prepare("INSERT INTO interviews (id, opening_id, round, starts_at, ends_at, time_zone, format, created_at, updated_at) VALUES ('i1', 'o1', 1, '2026-02-02T09:00:00.000Z', '2026-02-02T10:00:00.000Z', 'UTC', 'video', ?, ?)").run(now, now);
    db.prepare("INSERT INTO touchpoints (id, opening_id, channel, direction, occurred_at, created_at, updated_at) VALUES ('t1', 'o1', 'email', 'inbound', ?, ?, ?)").run(now, now, now);

    migrate(db, MIGRATIONS.slice(0, 13));
    expect(db.prepare('SELECT id, invite_uid, invite_sequence, cancelled_at FROM interviews').all()).toEqual([{ id: 'i1', invite_uid: null, invite_sequence: null, cancelled_at: null }]);
    expect(db.prepare('SELECT id, message_id FROM touchpoints').all()).toEqual([{ id: 't1', message_id: null }]);
    db.prepare("UPDATE touchpoints SET message_id = 'a@b', deleted_at = ? WHERE id = 't1'").run(now);
    expect(() => db.prepare("INSERT INTO touchpoints (id, opening_id, channel, direction, occurred_at, message_id, created_at, updated_at) VALUES ('t2', 'o1', 'email', 'inbound', ?, 'a@b', ?, ?)").run(now, now, now)).toThrow(/UNIQUE/);
    db.close();
  });
});
