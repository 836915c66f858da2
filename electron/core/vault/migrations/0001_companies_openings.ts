import type { Migration } from './migration';

export const m0001CompaniesOpenings: Migration = {
  id: '0001_companies_openings',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- case- and space-insensitive key, so "Acme" and " acme " are one company
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE openings (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE RESTRICT,
        role TEXT NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('interested','applied','interviewing','offer','accepted','rejected','withdrawn','dormant')),
        job_url TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX openings_company ON openings(company_id);
      CREATE INDEX openings_updated ON openings(updated_at DESC);
    `);
  },
};
