import type { InterviewFact, OpeningContactFact, OpeningFact, PersonOpeningFact, PlaybookFacts, ReferenceFact, TouchpointFact } from './facts';

/**
 * The facts grouped by opening (and by contact), built once per plan: each
 * rule then looks at one opening's own rows instead of scanning every row
 * of the vault per opening. Every list keeps the facts' original order, so a
 * rule reading it sees exactly what filtering the whole list would give.
 */
export interface FactIndex {
  opening(id: string): OpeningFact | undefined;
  interviewsOf(openingId: string): readonly InterviewFact[];
  touchpointsOf(openingId: string): readonly TouchpointFact[];
  /** Outbound touchpoints to a person, whatever the opening. */
  outboundTo(contactId: string): readonly TouchpointFact[];
  referencesOf(openingId: string): readonly ReferenceFact[];
  contactsOf(openingId: string): readonly OpeningContactFact[];
  /** Every opening a person belongs to: those of these facts and those outside them. */
  openingsOfPerson(contactId: string): readonly PersonOpeningFact[];
}

const NONE: readonly never[] = [];

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function indexFacts(facts: PlaybookFacts): FactIndex {
  const openings = new Map(facts.openings.map((opening) => [opening.id, opening]));
  const interviews = groupBy(facts.interviews, (interview) => interview.openingId);
  const touchpoints = groupBy(facts.touchpoints, (touchpoint) => touchpoint.openingId);
  const outbound = groupBy(facts.touchpoints, (touchpoint) => (touchpoint.direction === 'outbound' ? touchpoint.contactId : null));
  const references = groupBy(facts.references, (reference) => reference.openingId);
  const contacts = groupBy(facts.openingContacts, (contact) => contact.openingId);
  const ownOpenings = facts.openingContacts.flatMap((contact): PersonOpeningFact[] => {
    const opening = openings.get(contact.openingId);
    return opening ? [{ contactId: contact.contactId, openingId: opening.id, stage: opening.stage, stageChangedAt: opening.stageChangedAt }] : [];
  });
  const openingsOfPeople = groupBy([...ownOpenings, ...(facts.otherOpeningsOfPeople ?? [])], (link) => link.contactId);
  return {
    opening: (id) => openings.get(id),
    interviewsOf: (openingId) => interviews.get(openingId) ?? NONE,
    touchpointsOf: (openingId) => touchpoints.get(openingId) ?? NONE,
    outboundTo: (contactId) => outbound.get(contactId) ?? NONE,
    referencesOf: (openingId) => references.get(openingId) ?? NONE,
    contactsOf: (openingId) => contacts.get(openingId) ?? NONE,
    openingsOfPerson: (contactId) => openingsOfPeople.get(contactId) ?? NONE,
  };
}
