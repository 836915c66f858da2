import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReminderStore } from '#core/vault/repositories/reminders';
import { createCompaniesRepository } from '#core/vault/repositories/companies';
import type { DueItem } from '#shared/domain/playbook';
import { createOpeningsRepository } from '#core/vault/repositories/openings';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempVault } from '#support/temp-vault';

const NOW = '2026-03-02T09:00:00.000Z';
let vault: ReturnType<typeof tempVault>;
beforeEach(() => {
  vault = tempVault();
  buildSyntheticVault(vault, { seed: 7, scale: 0.02, now: NOW });
});
afterEach(() => vault.cleanup());

describe('the pipeline list', () => {
  it('shows the same rows as each company page, newest change first, with interviews summarised as of now', () => {
    const { db } = vault;
    // Trashed rows must stay out of both: one opening, and an interview of another that keeps its others.
    const [gone, thinned] = db.prepare('SELECT DISTINCT opening_id AS id FROM interviews LIMIT 2').all() as { id: string }[];
    db.prepare('UPDATE openings SET deleted_at = ? WHERE id = ?').run(NOW, gone!.id);
    db.prepare('UPDATE interviews SET deleted_at = ? WHERE id = (SELECT id FROM interviews WHERE opening_id = ? ORDER BY starts_at DESC LIMIT 1)').run(NOW, thinned!.id);
    const openings = createOpeningsRepository(db, createCompaniesRepository(db));

    for (const now of [NOW, '2025-06-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']) {
      const pipeline = openings.list(now);
      const companyIds = (db.prepare('SELECT id FROM companies').all() as { id: string }[]).map((row) => row.id);
      const byCompany = companyIds.flatMap((companyId) => openings.listOfCompany(companyId, now));
      const newestFirst = byCompany.sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1));
      expect(pipeline.map(({ nextAction: _, ...summary }) => summary)).toEqual(newestFirst);
      expect(pipeline.some((row) => row.id === gone!.id)).toBe(false);
      // The vault has interviews on both sides of NOW, so the facts are not all empty.
      if (now === NOW) {
        expect(pipeline.some((row) => row.nextInterviewAt !== null)).toBe(true);
        expect(pipeline.some((row) => row.lastInterviewAt !== null)).toBe(true);
      }
    }
  });
});

describe('the next action of each pipeline row', () => {
  const item = (openingId: string, key: string, dueAt: string, deadlineAt: string | null): DueItem => ({
    key, kind: 'follow_up', title: `Do ${key}`, detail: '', dueAt, deadlineAt, alerts: [dueAt], openingId, target: { kind: 'opening', id: openingId }, channel: null,
  });

  it('is the opening’s most urgent open reminder, by deadline or else due time, as Today orders them', () => {
    const { db } = vault;
    const [first, second, none] = (db.prepare('SELECT id FROM openings WHERE deleted_at IS NULL ORDER BY id LIMIT 3').all() as { id: string }[]).map((row) => row.id);
    db.prepare('DELETE FROM reminders').run();
    const store = createReminderStore(db);
    store.sync(
      [
        // Due later but with the nearer deadline: it comes first.
        item(first!, 'a-soon-deadline', '2026-03-02T12:00:00.000Z', '2026-03-03T09:00:00.000Z'),
        item(first!, 'a-no-deadline', '2026-03-04T09:00:00.000Z', null),
        item(first!, 'a-done', '2026-03-01T09:00:00.000Z', null),
        item(first!, 'a-snoozed', '2026-03-01T10:00:00.000Z', null),
        item(second!, 'b-only', '2026-03-10T09:00:00.000Z', null),
      ],
      NOW,
    );
    store.setStatus('a-done', 'done', NOW);
    store.snooze('a-snoozed', '2026-03-05T09:00:00.000Z', NOW);
    const openings = createOpeningsRepository(db, createCompaniesRepository(db));
    const next = (now: string) => new Map(openings.list(now).map((row) => [row.id, row.nextAction]));

    expect(next(NOW).get(first!)).toEqual({
      key: 'a-soon-deadline', kind: 'follow_up', title: 'Do a-soon-deadline', dueAt: '2026-03-02T12:00:00.000Z', deadlineAt: '2026-03-03T09:00:00.000Z',
      snoozedUntil: null, openingId: first, target: { kind: 'opening', id: first },
    });
    expect(next(NOW).get(second!)?.key).toBe('b-only');
    expect(next(NOW).get(none!)).toBeNull();

    // Done, the next comes up; a snoozed item waits for its snooze to end, then leads again.
    store.setStatus('a-soon-deadline', 'dismissed', NOW);
    expect(next(NOW).get(first!)?.key).toBe('a-no-deadline');
    expect(next('2026-03-06T00:00:00.000Z').get(first!)).toMatchObject({ key: 'a-snoozed', snoozedUntil: null });
    store.setStatus('a-no-deadline', 'done', NOW);
    expect(next(NOW).get(first!)).toMatchObject({ key: 'a-snoozed', snoozedUntil: '2026-03-05T09:00:00.000Z' });
  });
});
