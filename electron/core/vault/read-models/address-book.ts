import { CLOSED_STAGES } from '#shared/domain/opening';
import type { Db } from '../db';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { live } from '../tables/live';
import { selectList } from '../tables/sql';
import { openingsTable } from '../tables/openings';

/** A live contact found by e-mail address. */
export interface AddressedContact {
  id: string;
  name: string;
  companyId: string | null;
}

/** Openings still in play sort before closed ones. */
const CLOSED_LAST = `o.stage IN (${CLOSED_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

/**
 * The vault's contacts by e-mail address, and the openings they are part of:
 * what capture asks when it matches the people of an invite or an e-mail
 * (capture/people-match.ts). Addresses are compared trimmed and lower-cased.
 */
export function createAddressBook(db: Db) {
  const byAddress = db.prepare<[string], AddressedContact>(`
    SELECT ${selectList(contactsTable, 'p', ['id', 'name', 'companyId'])} FROM contacts p
    WHERE ${live(contactsTable, 'p')} AND p.email IS NOT NULL AND lower(trim(p.email)) = ?
    ORDER BY p.updated_at DESC, p.id LIMIT 1`);
  const openingOfCompany = db.prepare<[string], { id: string }>(`
    SELECT o.id FROM openings o WHERE ${live(openingsTable, 'o')} AND o.company_id = ?
    ORDER BY ${CLOSED_LAST}, o.updated_at DESC, o.id LIMIT 1`);
  const openingOfTeam = db.prepare<[string], { id: string }>(`
    SELECT o.id FROM interview_team t JOIN interviews i ON i.id = t.interview_id JOIN openings o ON o.id = i.opening_id
    WHERE t.contact_id = ? AND ${live(interviewsTable, 'i', { openingId: 'o' })}
    ORDER BY ${CLOSED_LAST}, i.starts_at DESC LIMIT 1`);
  const addresses = db.prepare<[], { address: string }>(`
    SELECT DISTINCT lower(trim(p.email)) AS address FROM contacts p
    WHERE ${live(contactsTable, 'p')} AND p.email IS NOT NULL AND trim(p.email) <> ''`);

  return {
    /** The most recently updated live contact with this (trimmed, lower-case) address. */
    contactWith: (address: string): AddressedContact | undefined => byAddress.get(address),
    /** The company's live opening: one still in play first, then the latest updated. */
    openingOfCompany: (companyId: string): string | undefined => openingOfCompany.get(companyId)?.id,
    /** The opening of the latest live interview the contact sat on: one still in play first. */
    openingInterviewedWith: (contactId: string): string | undefined => openingOfTeam.get(contactId)?.id,
    /** Every live contact's address, once each. */
    addresses: (): string[] => addresses.all().map((row) => row.address),
  };
}
export type AddressBook = ReturnType<typeof createAddressBook>;
