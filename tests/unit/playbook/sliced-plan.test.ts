import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReminders } from '#core/playbook/plan';
import { createPlanner } from '#core/reminders/planner';
import { createReminderStore } from '#core/vault/repositories/reminders';
import type { Db } from '#core/vault/connection';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { insertTouchpoint } from '#support/letter-rows';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempVault } from '#support/temp-vault';
import { createWholeVaultFactsLoader } from '#support/whole-vault-facts';

const NOW = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-09T15:30:00.000Z';
const ZONE = 'Europe/Berlin';
const SETTINGS = { ...DEFAULT_PLAYBOOK, maxUnansweredFollowUps: 2 };
const PERMISSIONS = ['not_asked', 'asked', 'granted', 'granted', 'declined'];
/** Small slices, so the vault's 40 openings take many and people and touches cross between them. */
const OPENINGS_PER_SLICE = 3;

type Vault = ReturnType<typeof tempVault>;

/** The synthetic vault has no references: a few per opening, shared between openings, exercise their rules too. */
function addReferences(db: Db) {
  for (let r = 0; r < 7; r++) {
    db.prepare(`INSERT INTO "references" (id, name, permission, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(`ref-${r}`, `Reference ${r}`, PERMISSIONS[r % PERMISSIONS.length], NOW, NOW);
  }
  const openings = db.prepare<[], { id: string }>('SELECT id FROM openings ORDER BY id').all();
  const link = db.prepare(`INSERT INTO opening_references (opening_id, reference_id, brief_doc, briefed_at, thanked_at, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?, ?)`);
  openings.forEach((opening, o) => {
    for (let r = 0; r < o % 4; r++) link.run(opening.id, `ref-${(o + r) % 7}`, (o + r) % 3 === 0 ? NOW : null, (o + r) % 5 === 0 ? NOW : null, NOW, NOW);
  });
}

function syntheticVault(): Vault {
  const vault = tempVault();
  buildSyntheticVault(vault, { seed: 11, scale: 0.02, now: NOW });
  addReferences(vault.db);
  return vault;
}

/** Today's planner: every fact of the vault at once, planned, then the whole table synced. */
function planAtOnce(vault: Vault, now: string) {
  createReminderStore(vault.db).sync(planReminders(createWholeVaultFactsLoader(vault.db)(), SETTINGS, new Date(now), ZONE), now);
}

function planInSlices(vault: Vault, now: string) {
  createPlanner(vault.db, createReminderStore(vault.db), OPENINGS_PER_SLICE).planAll({ settings: SETTINGS, now: new Date(now), timeZone: ZONE });
}

const table = (vault: Vault) => vault.db.prepare('SELECT * FROM reminders ORDER BY key').all();
const first = <T>(vault: Vault, sql: string) => vault.db.prepare<[], T>(sql).get()!;

/** The same edits, by the same rows, in either vault: what a user does between two plans. */
function edit(vault: Vault) {
  const db = vault.db;
  // An opening closes: its follow-ups go, thanks to its references and staying in touch come.
  const closed = first<{ id: string }>(vault, "SELECT id FROM openings WHERE stage = 'interviewing' AND deleted_at IS NULL ORDER BY id LIMIT 1");
  db.prepare("UPDATE openings SET stage = 'rejected', stage_changed_at = ? WHERE id = ?").run('2026-03-03T08:00:00.000Z', closed.id);
  // Another one gets an interview, with someone from its company on the team.
  const booked = first<{ id: string; companyId: string }>(vault, "SELECT id, company_id AS companyId FROM openings WHERE stage = 'interviewing' AND deleted_at IS NULL ORDER BY id DESC LIMIT 1");
  db.prepare(`INSERT INTO interviews (id, opening_id, round, title, starts_at, ends_at, time_zone, format, completed_at, created_at, updated_at, deleted_at)
    VALUES ('added-interview', ?, 9, 'Final', '2026-03-05T09:00:00.000Z', '2026-03-05T10:00:00.000Z', 'UTC', 'video', NULL, ?, ?, NULL)`).run(booked.id, NOW, NOW);
  const colleague = first<{ id: string } | undefined>(vault, `SELECT id FROM contacts WHERE company_id = '${booked.companyId}' AND deleted_at IS NULL ORDER BY id LIMIT 1`);
  if (colleague) db.prepare("INSERT INTO interview_team (interview_id, contact_id, position, preferred_channel) VALUES ('added-interview', ?, 0, 'phone')").run(colleague.id);
  // A thank-you note is sent.
  db.prepare("UPDATE letters SET sent_at = ? WHERE id = (SELECT id FROM letters WHERE sent_at IS NULL AND deleted_at IS NULL AND kind = 'thank_you' ORDER BY id LIMIT 1)").run(NOW);
  // A follow-up goes out on an opening waiting for an answer, to one of its people.
  const waiting = first<{ openingId: string; contactId: string }>(vault, "SELECT opening_id AS openingId, contact_id AS contactId FROM touchpoints WHERE contact_id IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1");
  insertTouchpoint(db, { openingId: waiting.openingId, contactId: waiting.contactId, kind: 'follow_up', at: '2026-03-04T09:00:00.000Z' });
  // An opening goes to the trash.
  db.prepare("UPDATE openings SET deleted_at = ? WHERE id = (SELECT id FROM openings WHERE deleted_at IS NULL AND stage = 'applied' ORDER BY id LIMIT 1)").run(NOW);
  // The user snoozes one item, finishes another and dismisses a third.
  const store = createReminderStore(db);
  const keys = db.prepare<[], { key: string }>("SELECT key FROM reminders WHERE status = 'open' ORDER BY key LIMIT 3").all().map((row) => row.key);
  store.snooze(keys[0]!, '2026-03-10T08:00:00.000Z', NOW);
  store.setStatus(keys[1]!, 'done', NOW);
  store.setStatus(keys[2]!, 'dismissed', NOW);
}

describe('planning a slice of openings at a time', () => {
  let atOnce: Vault;
  let sliced: Vault;
  beforeAll(() => {
    atOnce = syntheticVault();
    sliced = syntheticVault();
  });
  afterAll(() => {
    atOnce.cleanup();
    sliced.cleanup();
  });

  it('writes the same reminders table as planning the whole vault at once', () => {
    planAtOnce(atOnce, NOW);
    planInSlices(sliced, NOW);
    const rows = table(atOnce);
    expect(new Set(rows.map((row) => (row as { kind: string }).kind)).size).toBe(12);
    expect(table(sliced)).toEqual(rows);
  });

  it('stays the same after edits, with what the user did to each item kept', () => {
    edit(atOnce);
    edit(sliced);
    planAtOnce(atOnce, LATER);
    planInSlices(sliced, LATER);
    const rows = table(atOnce);
    expect(rows.filter((row) => (row as { status: string }).status !== 'open')).toHaveLength(2);
    expect(rows.filter((row) => (row as { snoozed_until: string | null }).snoozed_until)).toHaveLength(1);
    expect(table(sliced)).toEqual(rows);
  });

  it('lands on the same table in the background, letting the event loop run between slices', async () => {
    const store = createReminderStore(sliced.db);
    sliced.db.exec("UPDATE openings SET stage = 'dormant' WHERE id = (SELECT id FROM openings WHERE stage = 'offer' AND deleted_at IS NULL ORDER BY id LIMIT 1)");
    atOnce.db.exec("UPDATE openings SET stage = 'dormant' WHERE id = (SELECT id FROM openings WHERE stage = 'offer' AND deleted_at IS NULL ORDER BY id LIMIT 1)");
    planAtOnce(atOnce, LATER);
    let turns = 0;
    const planner = createPlanner(sliced.db, store, OPENINGS_PER_SLICE);
    const planned = await planner.planInSlices({ settings: SETTINGS, now: new Date(LATER), timeZone: ZONE }, async () => void turns++, () => false);
    expect(planned).not.toBeNull();
    expect(turns).toBeGreaterThan(5);
    expect(table(sliced)).toEqual(table(atOnce));
  });

  it('stops when a newer plan takes over', async () => {
    const store = createReminderStore(sliced.db);
    sliced.db.exec("UPDATE openings SET stage = 'withdrawn', stage_changed_at = '2026-03-08T08:00:00.000Z' WHERE deleted_at IS NULL");
    const before = table(sliced);
    let turns = 0;
    const planner = createPlanner(sliced.db, store, OPENINGS_PER_SLICE);
    const planned = await planner.planInSlices({ settings: SETTINGS, now: new Date(LATER), timeZone: ZONE }, async () => void turns++, () => turns >= 2);
    expect(planned).toBeNull();
    expect(turns).toBe(2);
    // One slice was written before the second turn found the plan overtaken; the rest of the table was left as it was.
    const after = table(sliced);
    expect(after).not.toEqual(before);
    expect(after.filter((row) => (row as { kind: string }).kind === 'follow_up').length).toBeGreaterThan(0);
  });
});
