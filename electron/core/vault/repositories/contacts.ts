import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Contact, contactPatchSchema, NewContact } from '../../../../shared/domain/contact';
import type { ContactChannel } from '../../../../shared/domain/fields';
import type { Deleted } from '../../../../shared/domain/trash';
import type { Db } from '../connection';
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
  SELECT p.id, p.name, p.title, p.company_id AS companyId, c.name AS companyName, p.email, p.phone,
    p.linkedin_url AS linkedinUrl, p.preferred_channel AS preferredChannel, p.created_at AS createdAt, p.updated_at AS updatedAt
  FROM contacts p LEFT JOIN companies c ON c.id = p.company_id
  WHERE p.deleted_at IS NULL`;
const BY_NAME = 'ORDER BY p.name COLLATE NOCASE, p.id';

type EditableKey = Exclude<keyof ContactPatch, 'id' | 'companyName'>;
const EDITABLE_KEYS: readonly EditableKey[] = ['name', 'title', 'email', 'phone', 'linkedinUrl', 'preferredChannel'];

export function createContactsRepository(db: Db, companies: CompaniesRepository) {
  const insert = db.prepare(`
    INSERT INTO contacts (id, name, title, company_id, email, phone, linkedin_url, preferred_channel, created_at, updated_at)
    VALUES (@id, @name, @title, @companyId, @email, @phone, @linkedinUrl, @preferredChannel, @now, @now)`);
  const update = db.prepare(`
    UPDATE contacts SET name = @name, title = @title, company_id = @companyId, email = @email, phone = @phone,
      linkedin_url = @linkedinUrl, preferred_channel = @preferredChannel, updated_at = @now
    WHERE id = @id`);
  const byId = db.prepare<[string], Contact>(`${SELECT_CONTACT} AND p.id = ?`);
  const all = db.prepare<[], Contact>(`${SELECT_CONTACT} ${BY_NAME}`);
  const ofCompany = db.prepare<[string], Contact>(`${SELECT_CONTACT} AND p.company_id = ? ${BY_NAME}`);
  const ofOpening = db.prepare<{ openingId: string; companyId: string }, Contact>(`
    ${SELECT_CONTACT} AND (p.company_id = @companyId OR p.id IN (
      SELECT t.contact_id FROM interview_team t JOIN interviews i ON i.id = t.interview_id
      WHERE i.opening_id = @openingId AND i.deleted_at IS NULL))
    ${BY_NAME}`);
  const markDeleted = db.prepare('UPDATE contacts SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL');
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
    insert.run({ ...fields, id, companyId, now });
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
      insert.run({ id, name: person.name, title: person.title, companyId, email: person.email, phone: null, linkedinUrl: null, preferredChannel: null, now });
      return id;
    },

    /** Learns how a person likes to be contacted, unless that is already known. Call inside a transaction. */
    adoptPreferredChannel(id: string, channel: ContactChannel, now: string): void {
      adoptChannel.run({ id, channel, now });
    },
  };
}
export type ContactsRepository = ReturnType<typeof createContactsRepository>;
