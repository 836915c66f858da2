import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Contact, contactPatchSchema, NewContact } from '#shared/domain/contact';
import type { ContactChannel } from '#shared/domain/fields';
import type { Deleted } from '#shared/domain/trash';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live, notTrashed } from '../tables/live';
import { insertSql, rowDefaults, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import { companyKey, type CompaniesRepository } from './companies';

export type ContactPatch = z.output<typeof contactPatchSchema>;

/** A person named on an interview team who is not a contact yet. */
export interface NewTeamPerson {
  name: string;
  title: string | null;
  email: string | null;
}

const SELECT_CONTACT = `
  SELECT ${selectList(contactsTable)}, c.name AS companyName
  FROM contacts p LEFT JOIN companies c ON c.id = p.company_id
  WHERE ${live(contactsTable)}`;
const BY_NAME = 'ORDER BY p.name COLLATE NOCASE, p.id';

/** The columns a patch may change (the company comes by its name, and is looked up). */
const EDITABLE_KEYS = contactsTable.editableKeys().filter((key) => key !== 'companyId');

/** A person known only by what an interview team said of them. */
const NEW_CONTACT = rowDefaults(contactsTable);

export function createContactsRepository(db: Db, companies: CompaniesRepository) {
  const insert = db.prepare(insertSql(contactsTable));
  const update = db.prepare(updateSql(contactsTable));
  const byId = db.prepare<[string], Contact>(`${SELECT_CONTACT} AND p.id = ?`);
  const all = db.prepare<[], Contact>(`${SELECT_CONTACT} ${BY_NAME}`);
  const ofCompany = db.prepare<[string], Contact>(`${SELECT_CONTACT} AND p.company_id = ? ${BY_NAME}`);
  const ofOpening = db.prepare<{ openingId: string; companyId: string }, Contact>(`
    ${SELECT_CONTACT} AND (p.company_id = @companyId OR p.id IN (
      SELECT t.contact_id FROM interview_team t JOIN interviews i ON i.id = t.interview_id
      WHERE i.opening_id = @openingId AND ${notTrashed(interviewsTable)}))
    ${BY_NAME}`);
  const markDeleted = db.prepare(`UPDATE contacts AS p SET deleted_at = @now WHERE p.id = @id AND ${live(contactsTable)}`);
  const fillGaps = db.prepare(`
    UPDATE contacts SET title = coalesce(title, @title), email = coalesce(email, @email), updated_at = @now
    WHERE id = @id AND ((title IS NULL AND @title IS NOT NULL) OR (email IS NULL AND @email IS NOT NULL))`);
  const adoptChannel = db.prepare(
    'UPDATE contacts SET preferred_channel = @channel, updated_at = @now WHERE id = @id AND preferred_channel IS NULL',
  );

  function require(id: string): Contact {
    const contact = byId.get(id);
    if (!contact) throw missing('contact');
    return contact;
  }

  const create = db.transaction((input: NewContact, now: string): Contact => {
    const id = randomUUID();
    const companyId = input.companyName === null ? null : companies.ensure(input.companyName, now);
    const { companyName: _companyName, ...fields } = input;
    insert.run({ ...NEW_CONTACT, ...fields, id, companyId, now });
    return byId.get(id)!;
  });

  const updateContact = db.transaction((patch: ContactPatch, now: string): Contact => {
    const current = require(patch.id);
    const next = { ...current };
    for (const key of EDITABLE_KEYS) {
      if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
    }
    let companyId = current.companyId;
    if (patch.companyName !== undefined) companyId = patch.companyName === null ? null : companies.ensure(patch.companyName, now);
    update.run({ ...next, companyId, now });
    return byId.get(patch.id)!;
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('contact');
    return { kind: 'contact', id, deletedAt: now };
  });

  return {
    create,
    update: updateContact,
    softDelete,
    get: (id: string): Contact | undefined => byId.get(id),
    require,
    list: (): Contact[] => all.all(),
    listOfCompany: (companyId: string): Contact[] => ofCompany.all(companyId),
    /** The company's people and everyone on a team of the opening's interviews. */
    listOfOpening: (openingId: string, companyId: string): Contact[] => ofOpening.all({ openingId, companyId }),

    /**
     * The contact for a person newly named on a team: an existing contact of the
     * company with the same name (its missing title and e-mail filled in), so
     * logging every round with the same interviewer does not pile up copies;
     * otherwise a new contact of the company. Call inside a transaction.
     */
    ensureTeamPerson(person: NewTeamPerson, companyId: string, now: string): string {
      const key = companyKey(person.name);
      const existing = ofCompany.all(companyId).find((contact) => companyKey(contact.name) === key);
      if (existing) {
        fillGaps.run({ id: existing.id, title: person.title, email: person.email, now });
        return existing.id;
      }
      const id = randomUUID();
      insert.run({ ...NEW_CONTACT, id, name: person.name, title: person.title, companyId, email: person.email, now });
      return id;
    },

    /** Learns how a person likes to be contacted, unless that is already known. Call inside a transaction. */
    adoptPreferredChannel(id: string, channel: ContactChannel, now: string): void {
      adoptChannel.run({ id, channel, now });
    },
  };
}
export type ContactsRepository = ReturnType<typeof createContactsRepository>;
