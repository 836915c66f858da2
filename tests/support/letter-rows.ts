import { randomUUID } from 'node:crypto';
import type { Db } from '#core/vault/connection';

/**
 * Letters and touchpoints written straight into the vault, as the letters
 * repository (built separately) would: the reminders only read these tables.
 */
export function insertLetter(
  db: Db,
  values: { openingId: string; interviewId?: string | null; kind?: string; startedAt?: string; sentAt?: string | null; mailBy?: string | null; deletedAt?: string | null },
): string {
  const id = randomUUID();
  const startedAt = values.startedAt ?? '2026-03-03T10:00:00.000Z';
  db.prepare(
    `INSERT INTO letters (id, kind, opening_id, interview_id, recipient_name, doc, status, started_at, due_at, sent_at, mail_by, created_at, updated_at, deleted_at)
     VALUES (@id, @kind, @openingId, @interviewId, 'Ana Ruiz', '{"type":"doc"}', @status, @startedAt, @dueAt, @sentAt, @mailBy, @startedAt, @startedAt, @deletedAt)`,
  ).run({
    id,
    kind: values.kind ?? 'thank_you',
    openingId: values.openingId,
    interviewId: values.interviewId ?? null,
    status: values.sentAt ? 'sent' : 'draft',
    startedAt,
    dueAt: new Date(Date.parse(startedAt) + 24 * 3_600_000).toISOString(),
    sentAt: values.sentAt ?? null,
    mailBy: values.mailBy ?? null,
    deletedAt: values.deletedAt ?? null,
  });
  return id;
}

export function insertTouchpoint(
  db: Db,
  values: { openingId: string | null; contactId?: string | null; kind: string; direction?: string; at?: string; deletedAt?: string | null },
): void {
  db.prepare(
    `INSERT INTO touchpoints (id, opening_id, contact_id, channel, direction, kind, occurred_at, created_at, updated_at, deleted_at)
     VALUES (@id, @openingId, @contactId, 'email', @direction, @kind, @at, @at, @at, @deletedAt)`,
  ).run({
    id: randomUUID(),
    openingId: values.openingId,
    contactId: values.contactId ?? null,
    direction: values.direction ?? 'outbound',
    kind: values.kind,
    at: values.at ?? '2026-03-03T10:00:00.000Z',
    deletedAt: values.deletedAt ?? null,
  });
}
