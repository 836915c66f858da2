import type { ProposedPerson } from '#shared/domain/capture';
import type { Db } from '../vault/connection';
import { normaliseAddress } from './mail-addresses';

interface ContactRow {
  id: string;
  name: string;
  companyId: string | null;
}

/**
 * Who an invite or an e-mail names, matched to the vault's contacts by
 * address, and the opening they most likely belong to: the live opening of
 * the matched people's company (one still in play first, then the latest).
 */
export function createPeopleMatch(db: Db) {
  const byAddress = db.prepare<[string], ContactRow>(`
    SELECT id, name, company_id AS companyId FROM contacts
    WHERE deleted_at IS NULL AND email IS NOT NULL AND lower(trim(email)) = ?
    ORDER BY updated_at DESC, id LIMIT 1`);
  const openingOfCompany = db.prepare<[string], { id: string }>(`
    SELECT id FROM openings WHERE deleted_at IS NULL AND company_id = ?
    ORDER BY stage IN ('accepted','rejected','withdrawn'), updated_at DESC, id LIMIT 1`);
  const openingOfTeam = db.prepare<[string], { id: string }>(`
    SELECT o.id FROM interview_team t JOIN interviews i ON i.id = t.interview_id JOIN openings o ON o.id = i.opening_id
    WHERE t.contact_id = ? AND i.deleted_at IS NULL AND o.deleted_at IS NULL
    ORDER BY o.stage IN ('accepted','rejected','withdrawn'), i.starts_at DESC LIMIT 1`);
  const contactAddresses = db.prepare<[], { address: string }>(`
    SELECT DISTINCT lower(trim(email)) AS address FROM contacts WHERE deleted_at IS NULL AND email IS NOT NULL AND trim(email) <> ''`);

  function contactOf(address: string | null): ContactRow | null {
    const key = normaliseAddress(address);
    return key ? (byAddress.get(key) ?? null) : null;
  }

  return {
    contactOf,
    /** Each person with the contact that has their address, when one does. */
    match(people: readonly { name: string | null; address: string | null; organizer: boolean }[]): ProposedPerson[] {
      return people.map((person) => {
        const contact = contactOf(person.address);
        return { ...person, contactId: contact?.id ?? null, contactName: contact?.name ?? null };
      });
    },
    /** The opening the matched people most likely meet the user about. */
    openingFor(people: readonly ProposedPerson[]): string | null {
      for (const person of people) {
        if (!person.contactId) continue;
        const team = openingOfTeam.get(person.contactId);
        if (team) return team.id;
        const contact = contactOf(person.address);
        const company = contact?.companyId ? openingOfCompany.get(contact.companyId) : undefined;
        if (company) return company.id;
      }
      return null;
    },
    /** Every contact's address: what the mailbox sync looks for. */
    knownAddresses: (): string[] => contactAddresses.all().map((row) => row.address),
  };
}
export type PeopleMatch = ReturnType<typeof createPeopleMatch>;
