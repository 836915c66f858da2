import { randomUUID } from 'node:crypto';
import type { DocNode } from '#shared/domain/note';
import { MAX_NOTE_JSON_CHARS } from '#shared/domain/note';
import type {
  Brief,
  BriefMarkSent,
  BriefSave,
  NewReference,
  Reference,
  ReferenceLink,
  ReferencePatch,
  ReferenceUse,
  ReferenceWithUses,
} from '#shared/domain/reference';
import type { Deleted } from '#shared/domain/trash';
import { withSafeLinks } from '#core/documents/safe-links';
import { AppError } from '#core/errors';
import { docToPlainText } from '#core/export/doc-html';
import { briefSubject, referenceBriefDoc } from '#core/letters/reference-brief';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { live } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { openingReferencesTable, referencesTable } from '../tables/references';
import { insertSql, rowDefaults, rowReader, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import type { TouchpointsRepository } from './touchpoints';

const COLUMNS = selectList(referencesTable);
const USE_COLUMNS = `${selectList(openingReferencesTable)}, ${selectList(openingsTable, 'o', ['role', 'stage'])}, c.name AS companyName`;
const BRIEF_KEYS = ['briefDoc', 'briefText'] as const;
const readBrief = rowReader(openingReferencesTable, BRIEF_KEYS) as (row: object) => { briefDoc: DocNode; briefText: string };
const NEW_REFERENCE = rowDefaults(referencesTable);
/** A use starts with a drafted brief, not yet sent (nor thanked for). */
const NEW_USE = rowDefaults(openingReferencesTable);
/** What a patch sets as given; the permission's stamps follow from it. */
const PATCHED_KEYS = referencesTable.editableKeys();
// A use is visible while neither its opening nor its reference is in the trash.
const FROM_LIVE_USES = `FROM opening_references x JOIN openings o ON o.id = x.opening_id
  JOIN companies c ON c.id = o.company_id JOIN "references" r ON r.id = x.reference_id
  WHERE ${live(openingReferencesTable, 'x', { openingId: 'o', referenceId: 'r' })}`;

function storedBrief(doc: DocNode): { doc: string; plainText: string } {
  const safe = withSafeLinks(doc);
  const json = JSON.stringify(safe);
  if (json.length > MAX_NOTE_JSON_CHARS) {
    throw new AppError('INVALID_INPUT', 'This brief is too long to save. Shorten it and try again.', 'doc');
  }
  return { doc: json, plainText: docToPlainText(safe) };
}

/** When a permission change is first asked or answered; a reset to "not asked" clears both. */
function stamps(before: Reference, permission: Reference['permission'], now: string): { askedAt: string | null; answeredAt: string | null } {
  if (permission === before.permission) return { askedAt: before.askedAt, answeredAt: before.answeredAt };
  switch (permission) {
    case 'not_asked':
      return { askedAt: null, answeredAt: null };
    case 'asked':
      return { askedAt: now, answeredAt: null };
    default:
      return { askedAt: before.askedAt ?? now, answeredAt: now };
  }
}

export function createReferencesRepository(db: Db, touchpoints: TouchpointsRepository) {
  const all = db.prepare<[], Reference>(`SELECT ${COLUMNS} FROM "references" r WHERE ${live(referencesTable)} ORDER BY r.name COLLATE NOCASE, r.id`);
  const byId = db.prepare<[string], Reference>(`SELECT ${COLUMNS} FROM "references" r WHERE r.id = ? AND ${live(referencesTable)}`);
  const uses = db.prepare<[], ReferenceUse>(`SELECT ${USE_COLUMNS} ${FROM_LIVE_USES} ORDER BY x.created_at, x.opening_id`);
  const usesOf = db.prepare<[string], ReferenceUse>(`SELECT ${USE_COLUMNS} ${FROM_LIVE_USES} AND x.reference_id = ? ORDER BY x.created_at, x.opening_id`);
  const useOf = db.prepare<[string, string], ReferenceUse>(`SELECT ${USE_COLUMNS} ${FROM_LIVE_USES} AND x.opening_id = ? AND x.reference_id = ?`);
  const briefOf = db.prepare<[string, string], object>(
    `SELECT ${selectList(openingReferencesTable, 'x', BRIEF_KEYS)} FROM opening_references x WHERE x.opening_id = ? AND x.reference_id = ?`,
  );
  const liveOpening = db.prepare<[string], { role: string; companyName: string }>(`
    SELECT o.role, c.name AS companyName FROM openings o JOIN companies c ON c.id = o.company_id WHERE o.id = ? AND ${live(openingsTable)}`);
  const liveContact = db.prepare<[string], { id: string }>(`SELECT p.id FROM contacts p WHERE p.id = ? AND ${live(contactsTable)}`);
  const insert = db.prepare(insertSql(referencesTable));
  const update = db.prepare(updateSql(referencesTable, { keys: [...PATCHED_KEYS, 'askedAt', 'answeredAt'] }));
  const markDeleted = db.prepare(`UPDATE "references" AS r SET deleted_at = @now WHERE r.id = @id AND ${live(referencesTable)}`);
  const attach = db.prepare(
    insertSql(openingReferencesTable, { values: { briefDoc: '@doc', briefText: '@plainText' }, then: 'ON CONFLICT (opening_id, reference_id) DO NOTHING' }),
  );
  const detach = db.prepare('DELETE FROM opening_references WHERE opening_id = @openingId AND reference_id = @referenceId');
  const saveBrief = db.prepare<{ openingId: string; referenceId: string; doc: string; plainText: string; now: string }, { revision: number }>(
    updateSql(openingReferencesTable, {
      keys: [],
      set: { briefDoc: '@doc', briefText: '@plainText', briefRevision: 'brief_revision + 1' },
      returning: `${openingReferencesTable.sql('briefRevision')} AS revision`,
    }),
  );
  const setSent = db.prepare(`
    UPDATE opening_references SET briefed_at = @sentAt, brief_channel = @channel, updated_at = @now
    WHERE opening_id = @openingId AND reference_id = @referenceId`);
  const setThanked = db.prepare(`
    UPDATE opening_references SET thanked_at = @thankedAt, updated_at = @now WHERE opening_id = @openingId AND reference_id = @referenceId`);

  function requireReference(id: string): Reference {
    const row = byId.get(id);
    if (!row) throw missing('reference');
    return row;
  }
  function withUses(reference: Reference): ReferenceWithUses {
    return { ...reference, uses: usesOf.all(reference.id) };
  }
  function requireUse(link: ReferenceLink): ReferenceUse {
    const row = useOf.get(link.openingId, link.referenceId);
    if (!row) throw missing('brief');
    return row;
  }
  function checkContact(contactId: string | null): void {
    if (contactId && !liveContact.get(contactId)) throw new AppError('INVALID_INPUT', 'That contact no longer exists.', 'contactId');
  }

  const create = db.transaction((input: NewReference, now: string): ReferenceWithUses => {
    checkContact(input.contactId);
    const id = randomUUID();
    const blank: Reference = { ...input, id, permission: 'not_asked', askedAt: null, answeredAt: null, createdAt: now, updatedAt: now };
    insert.run({ ...NEW_REFERENCE, ...input, id, ...stamps(blank, input.permission, now), now });
    return withUses(requireReference(id));
  });

  const patch = db.transaction((input: ReferencePatch, now: string): ReferenceWithUses => {
    const before = requireReference(input.id);
    if (input.contactId !== undefined) checkContact(input.contactId);
    const next = { ...before };
    for (const key of PATCHED_KEYS) if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
    update.run({ ...next, ...stamps(before, next.permission, now), now });
    return withUses(requireReference(input.id));
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('reference');
    return { kind: 'reference', id, deletedAt: now };
  });

  const attachTo = db.transaction((link: ReferenceLink, senderName: string, now: string): ReferenceUse => {
    const reference = requireReference(link.referenceId);
    const opening = liveOpening.get(link.openingId);
    if (!opening) throw missing('opening');
    const doc = referenceBriefDoc({ referenceName: reference.name, role: opening.role, companyName: opening.companyName, senderName });
    attach.run({ ...NEW_USE, ...link, ...storedBrief(doc), now });
    return requireUse(link);
  });

  const markSent = db.transaction((input: BriefMarkSent, now: string): ReferenceUse => {
    const use = requireUse(input);
    if (use.briefedAt) throw new AppError('CONFLICT', `This brief was already marked as sent (${use.briefedAt.slice(0, 10)}).`);
    const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : now;
    if (Date.parse(sentAt) > Date.parse(now)) throw new AppError('INVALID_INPUT', 'The time it was sent cannot be in the future.', 'sentAt');
    const reference = requireReference(input.referenceId);
    setSent.run({ openingId: input.openingId, referenceId: input.referenceId, sentAt, channel: input.channel, now });
    touchpoints.create(
      {
        openingId: input.openingId,
        contactId: reference.contactId,
        channel: input.channel,
        direction: 'outbound',
        kind: 'reference_brief',
        occurredAt: sentAt,
        summary: `Reference brief to ${reference.name}`,
        letterId: null,
      },
      now,
    );
    return requireUse(input);
  });

  return {
    list(filter: { openingId?: string } = {}): ReferenceWithUses[] {
      const byReference = new Map<string, ReferenceUse[]>();
      for (const use of uses.all()) byReference.set(use.referenceId, [...(byReference.get(use.referenceId) ?? []), use]);
      const rows = all.all().map((reference) => ({ ...reference, uses: byReference.get(reference.id) ?? [] }));
      return filter.openingId ? rows.filter((row) => row.uses.some((use) => use.openingId === filter.openingId)) : rows;
    },
    get: (id: string): ReferenceWithUses => withUses(requireReference(id)),
    create,
    update: patch,
    softDelete,
    attach: attachTo,
    detach: db.transaction((link: ReferenceLink): ReferenceLink => {
      if (detach.run(link).changes === 0) throw missing('brief');
      return link;
    }),
    brief(link: ReferenceLink): Brief {
      const use = requireUse(link);
      const stored = readBrief(briefOf.get(link.openingId, link.referenceId)!);
      return {
        ...use,
        reference: requireReference(link.referenceId),
        doc: stored.briefDoc,
        plainText: stored.briefText,
        subject: briefSubject(use.role, use.companyName),
      };
    },
    saveBrief: db.transaction((input: BriefSave, now: string) => {
      requireUse(input);
      const saved = saveBrief.get({ openingId: input.openingId, referenceId: input.referenceId, ...storedBrief(input.doc), now });
      if (!saved) throw missing('brief');
      return { id: `${input.openingId}:${input.referenceId}`, revision: saved.revision, updatedAt: now };
    }),
    markSent,
    markThanked: db.transaction((input: ReferenceLink & { thanked: boolean }, now: string): ReferenceUse => {
      const use = requireUse(input);
      if (input.thanked !== (use.thankedAt !== null)) {
        setThanked.run({ openingId: input.openingId, referenceId: input.referenceId, thankedAt: input.thanked ? now : null, now });
      }
      return requireUse(input);
    }),
  };
}
export type ReferencesRepository = ReturnType<typeof createReferencesRepository>;
