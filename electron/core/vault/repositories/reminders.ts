import type { DueItem } from '#shared/domain/playbook';
import { noteRemindersWritten } from '#core/reminders/written-openings';
import type { Db } from '../connection';
import { remindersTable } from '../tables/reminders';
import { insertSql, selectList } from '../tables/sql';
import type { ColumnKey, Values } from '../tables/table';

export type ReminderStatus = 'open' | 'done' | 'dismissed';

/** A planned item with what the user did about it. */
export interface Reminder extends DueItem {
  status: ReminderStatus;
  snoozedUntil: string | null;
  nextAlertAt: string | null;
  lastNotifiedAt: string | null;
}

/** A stored row: the declared columns, its alerts still JSON text (compared as text before a rewrite). */
type Row = Omit<Values<typeof remindersTable, ColumnKey<typeof remindersTable>>, 'alerts'> & { alerts: string };

/** What a re-plan writes; the rest (status, snooze, last alert) is what the user did, kept across re-plans. */
const PLAN_KEYS = remindersTable.rowKeysWithout('status', 'snoozedUntil', 'lastNotifiedAt', 'updatedAt');
const UPSERT = insertSql(remindersTable, {
  keys: PLAN_KEYS,
  then: `ON CONFLICT(key) DO UPDATE SET ${PLAN_KEYS.filter((key) => key !== 'key')
    .map((key) => `${remindersTable.sql(key)} = excluded.${remindersTable.sql(key)}`)
    .join(', ')}, ${remindersTable.sql('updatedAt')} = @now`,
});
const ALL = `SELECT ${selectList(remindersTable)} FROM reminders rm`;

function fromRow(row: Row): Reminder {
  return {
    key: row.key,
    kind: row.kind,
    title: row.title,
    detail: row.detail,
    dueAt: row.dueAt,
    deadlineAt: row.deadlineAt,
    alerts: JSON.parse(row.alerts) as string[],
    openingId: row.openingId,
    target: { kind: row.targetKind, id: row.targetId },
    channel: row.channel,
    status: row.status,
    snoozedUntil: row.snoozedUntil,
    nextAlertAt: row.nextAlertAt,
    lastNotifiedAt: row.lastNotifiedAt,
  };
}

/**
 * When to ring next: the snooze's end while it has not rung yet (alerts inside
 * the snooze stay silent), else the first alert after the last one that rang.
 */
export function nextAlert(alerts: string[], lastNotifiedAt: string | null, snoozedUntil: string | null): string | null {
  if (snoozedUntil && (!lastNotifiedAt || snoozedUntil > lastNotifiedAt)) return snoozedUntil;
  return alerts.find((alert) => !lastNotifiedAt || alert > lastNotifiedAt) ?? null;
}

/** SQLite's ORDER BY due_at, key: plain binary order. */
function byDueThenKey(a: Row, b: Row): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function unchanged(row: Row, item: DueItem, nextAlertAt: string | null): boolean {
  return (
    row.kind === item.kind &&
    row.title === item.title &&
    row.detail === item.detail &&
    row.dueAt === item.dueAt &&
    row.deadlineAt === item.deadlineAt &&
    row.alerts === JSON.stringify(item.alerts) &&
    row.openingId === item.openingId &&
    row.targetKind === item.target.kind &&
    row.targetId === item.target.id &&
    row.channel === item.channel &&
    row.nextAlertAt === nextAlertAt
  );
}

/** How many writes each connection's reminders table has seen. */
const writeCounters = new WeakMap<Db, { n: number }>();

/**
 * The reminders table: the plan written down with its due instants, and the
 * user's done / dismissed / snoozed state, which survives every re-plan.
 */
export function createReminderStore(db: Db) {
  const all = db.prepare<[], Row>(ALL);
  const get = db.prepare<[string], Row>(`${ALL} WHERE rm.key = ?`);
  const upsert = db.prepare(UPSERT);
  const remove = db.prepare<[string]>('DELETE FROM reminders WHERE key = ?');
  const setState = db.prepare('UPDATE reminders SET status = @status, snoozed_until = @snoozedUntil, next_alert_at = @nextAlertAt, updated_at = @now WHERE key = @key');
  const markNotified = db.prepare('UPDATE reminders SET last_notified_at = @now, next_alert_at = @nextAlertAt, updated_at = @now WHERE key = @key');
  const firstAlert = db.prepare<[], { at: string | null }>("SELECT MIN(next_alert_at) AS at FROM reminders WHERE status = 'open' AND next_alert_at IS NOT NULL");
  const firstAlertAfter = db.prepare<[string], { at: string | null }>("SELECT MIN(next_alert_at) AS at FROM reminders WHERE status = 'open' AND next_alert_at IS NOT NULL AND next_alert_at > ?");
  const dueAlerts = db.prepare<[string], Row>(`${ALL} WHERE status = 'open' AND next_alert_at IS NOT NULL AND next_alert_at <= ? ORDER BY next_alert_at`);
  // Ordered by due_at alone, the walk follows reminders_open_due(status, due_at, …) and stops at the
  // limit; ordering by key too would sort every open item first. Ties at the cut are read apart.
  const openUntil = db.prepare<{ until: string; now: string; limit: number }, Row>(`
    ${ALL}
    WHERE status = 'open' AND due_at <= @until AND (snoozed_until IS NULL OR snoozed_until <= @now)
    ORDER BY due_at LIMIT @limit`);
  // Answered from reminders_open_due alone: no row is read to count them.
  const countUntil = db.prepare<{ until: string; now: string }, { n: number }>(`
    SELECT COUNT(*) AS n FROM reminders
    WHERE status = 'open' AND due_at <= @until AND (snoozed_until IS NULL OR snoozed_until <= @now)`);
  const openAt = db.prepare<{ dueAt: string; now: string }, Row>(`
    ${ALL}
    WHERE status = 'open' AND due_at = @dueAt AND (snoozed_until IS NULL OR snoozed_until <= @now)`);

  const inRange = db.prepare<{ after: string; through: string | null }, Row>(
    `${ALL} WHERE opening_id > @after AND (@through IS NULL OR opening_id <= @through)`,
  );
  const removeWithoutOpening = db.prepare('DELETE FROM reminders WHERE opening_id IS NULL');
  const firstSnoozeEnd = db.prepare<{ until: string; now: string }, { at: string | null }>(`
    SELECT MIN(snoozed_until) AS at FROM reminders WHERE status = 'open' AND due_at <= @until AND snoozed_until > @now`);

  // Shared by every store on this connection: a write through any of them is seen by all.
  const counter = writeCounters.get(db) ?? { n: 0 };
  writeCounters.set(db, counter);

  /** Writes one planned item unless the stored row already says the same; user state is kept. */
  function write(item: DueItem, previous: Row | undefined, now: string): void {
    const nextAlertAt = previous ? (previous.status === 'open' ? nextAlert(item.alerts, previous.lastNotifiedAt, previous.snoozedUntil) : null) : nextAlert(item.alerts, null, null);
    // Most re-plans change little; rewriting only what changed keeps them cheap on a big vault.
    if (previous && unchanged(previous, item, nextAlertAt)) return;
    counter.n++;
    noteRemindersWritten(db, [item.openingId, previous?.openingId]);
    upsert.run({
      key: item.key,
      kind: item.kind,
      title: item.title,
      detail: item.detail,
      dueAt: item.dueAt,
      deadlineAt: item.deadlineAt,
      alerts: JSON.stringify(item.alerts),
      openingId: item.openingId,
      targetKind: item.target.kind,
      targetId: item.target.id,
      channel: item.channel,
      nextAlertAt,
      now,
    });
  }

  function removeAll(rows: Iterable<Row>): void {
    for (const row of rows) {
      counter.n++;
      remove.run(row.key);
      noteRemindersWritten(db, [row.openingId]);
    }
  }

  return {
    /** Writes the new plan: new items added, changed ones updated, vanished ones removed; user state kept. */
    sync: db.transaction((items: DueItem[], now: string) => {
      const existing = new Map(all.all().map((row) => [row.key, row]));
      for (const item of items) {
        write(item, existing.get(item.key), now);
        existing.delete(item.key);
      }
      removeAll(existing.values());
    }),

    /**
     * Writes the plan of the openings whose ids are after `after` and up to
     * `through` (no end if null): `items` is everything planned for them.
     * Every other row of that range goes (openings in the trash or gone), and
     * with no end, rows of no opening too; the rest of the table is not read.
     * An item's opening never changes (its key names the opening, or a letter
     * or interview of it), but one stored under another is found by its key.
     */
    syncOpenings: db.transaction((after: string, through: string | null, items: readonly DueItem[], now: string) => {
      const existing = new Map(inRange.all({ after, through }).map((row) => [row.key, row]));
      for (const item of items) {
        write(item, existing.get(item.key) ?? get.get(item.key), now);
        existing.delete(item.key);
      }
      removeAll(existing.values());
      if (through === null && removeWithoutOpening.run().changes > 0) counter.n++;
    }),

    /** Changes with every write to the table. */
    version(): number {
      return counter.n;
    },

    /** When the first snooze among the open items due by `until` ends after `now`, or null. */
    nextSnoozeEnd(now: string, until: string): string | null {
      return firstSnoozeEnd.get({ now, until })?.at ?? null;
    },

    get(key: string): Reminder | undefined {
      const row = get.get(key);
      return row && fromRow(row);
    },

    /** Open items due by `until` and not snoozed past `now`, soonest first. */
    open(now: string, until: string, limit = 500): Reminder[] {
      const rows = openUntil.all({ now, until, limit });
      if (rows.length < limit) return rows.sort(byDueThenKey).map(fromRow);
      // The cut may fall inside a run of equal due times: take the whole run, then cut by key.
      const last = rows[rows.length - 1]!.dueAt;
      const before = rows.filter((row) => row.dueAt < last);
      return [...before, ...openAt.all({ dueAt: last, now }).sort(byDueThenKey)].slice(0, limit).map(fromRow);
    },

    /** How many items open() would return without a limit. */
    countOpen(now: string, until: string): number {
      return countUntil.get({ now, until })!.n;
    },

    nextAlertAt(): string | null {
      return firstAlert.get()?.at ?? null;
    },

    /** The first alert still to come after `now` (alerts held since before it are left out). */
    nextAlertAfter(now: string): string | null {
      return firstAlertAfter.get(now)?.at ?? null;
    },

    /**
     * Every open item with an alert at or before `now`, each marked as notified
     * once (all its passed alerts at once), in one transaction: a crash after
     * this never rings the same alert twice.
     */
    takeDueAlerts: db.transaction((now: string): Reminder[] => {
      const due = dueAlerts.all(now).map(fromRow);
      if (due.length > 0) counter.n++;
      for (const reminder of due) {
        markNotified.run({ key: reminder.key, now, nextAlertAt: nextAlert(reminder.alerts, now, null) });
      }
      return due;
    }),

    setStatus(key: string, status: ReminderStatus, now: string): boolean {
      const row = get.get(key);
      if (!row) return false;
      const nextAlertAt = status === 'open' ? nextAlert(JSON.parse(row.alerts) as string[], row.lastNotifiedAt, null) : null;
      counter.n++;
      noteRemindersWritten(db, [row.openingId]);
      return setState.run({ key, status, snoozedUntil: null, nextAlertAt, now }).changes === 1;
    },

    snooze(key: string, until: string, now: string): boolean {
      counter.n++;
      noteRemindersWritten(db, [get.get(key)?.openingId]);
      return setState.run({ key, status: 'open', snoozedUntil: until, nextAlertAt: until, now }).changes === 1;
    },
  };
}
export type ReminderStore = ReturnType<typeof createReminderStore>;
