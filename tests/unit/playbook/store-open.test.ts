import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DueItem } from '#shared/domain/playbook';
import { createReminderStore } from '#core/vault/repositories/reminders';
import { tempVault } from '#support/temp-vault';

const NOW = '2026-03-02T09:00:00.000Z';

const item = (key: string, dueAt: string): DueItem => ({
  key,
  kind: 'debrief',
  title: key,
  detail: '',
  dueAt,
  deadlineAt: null,
  alerts: [dueAt],
  openingId: null,
  target: { kind: 'interview', id: key },
  channel: null,
});

const vault = tempVault();
afterEach(() => vault.db.exec('DELETE FROM reminders'));
afterAll(() => vault.cleanup());

describe('open reminders for the agenda', () => {
  it('cuts at the limit by due time, then key, even inside a run of equal due times', () => {
    const store = createReminderStore(vault.db);
    const same = '2026-03-01T08:00:00.000Z';
    store.sync([item('d', same), item('b', same), item('z', '2026-02-01T08:00:00.000Z'), item('c', same), item('a', same), item('late', '2026-04-01T08:00:00.000Z')], NOW);
    expect(store.open(NOW, '2026-03-09T00:00:00.000Z', 3).map((reminder) => reminder.key)).toEqual(['z', 'a', 'b']);
    expect(store.open(NOW, '2026-03-09T00:00:00.000Z').map((reminder) => reminder.key)).toEqual(['z', 'a', 'b', 'c', 'd']);
  });

  it('leaves out what is snoozed past now or no longer open', () => {
    const store = createReminderStore(vault.db);
    store.sync([item('a', '2026-03-01T08:00:00.000Z'), item('b', '2026-03-01T09:00:00.000Z'), item('c', '2026-03-01T10:00:00.000Z')], NOW);
    store.snooze('a', '2026-03-03T08:00:00.000Z', NOW);
    store.setStatus('b', 'done', NOW);
    expect(store.open(NOW, '2026-03-09T00:00:00.000Z', 1).map((reminder) => reminder.key)).toEqual(['c']);
  });
});
