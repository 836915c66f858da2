import type { ProposedPerson } from '#shared/domain/capture';
import type { Db } from '#core/vault/connection';
import { createAddressBook, type AddressedContact } from '#core/vault/read-models/address-book';
import { normaliseAddress } from './mail-addresses';

/**
 * Who an invite or an e-mail names, matched to the vault's contacts by
 * address, and the opening they most likely belong to: the opening of the
 * latest interview a matched person sat on, else the live opening of their
 * company (one still in play first, then the latest).
 */
export function createPeopleMatch(db: Db) {
  const book = createAddressBook(db);

  function contactOf(address: string | null): AddressedContact | null {
    const key = normaliseAddress(address);
    return key ? (book.contactWith(key) ?? null) : null;
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
        const team = book.openingInterviewedWith(person.contactId);
        if (team) return team;
        const contact = contactOf(person.address);
        const company = contact?.companyId ? book.openingOfCompany(contact.companyId) : undefined;
        if (company) return company;
      }
      return null;
    },
    /** Every contact's address: what the mailbox sync looks for. */
    knownAddresses: (): string[] => book.addresses(),
  };
}
export type PeopleMatch = ReturnType<typeof createPeopleMatch>;
