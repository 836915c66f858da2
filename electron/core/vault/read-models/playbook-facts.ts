import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { interviewsTable } from '../tables/interviews';
import { lettersTable } from '../tables/letters';
import { live, notTrashed } from '../tables/live';
import { openingsTable } from '../tables/openings';
import { openingReferencesTable, referencesTable } from '../tables/references';
import { selectList } from '../tables/sql';
import { touchpointsTable } from '../tables/touchpoints';
import { peopleOfOpenings } from '../people-of-openings';
import type { InterviewFact, LetterFact, OpeningContactFact, OpeningFact, PersonOpeningFact, PlaybookFacts, ReferenceFact, TouchpointFact } from '#core/playbook/facts';

/** The openings of one slice, passed as a JSON array of ids. */
const IN_SLICE = `(SELECT value FROM json_each(@ids))`;

type TouchpointRow = Omit<TouchpointFact, 'isFollowUp'> & { isFollowUp: number };

/**
 * Reads what the playbook needs from the vault, a slice of openings at a
 * time: live rows only (nothing in the trash, nothing hidden with a parent in
 * the trash). Each slice's facts are all the playbook needs to plan exactly
 * those openings, so a plan never holds the whole vault in memory.
 */
export interface SliceFactsLoader {
  /** Ids of live openings after `after`, in id order, at most `limit`. */
  openingIdsAfter(after: string, limit: number): string[];
  /**
   * The facts of these openings, plus, for their people, every outbound touch
   * from other openings (for "stay in touch") and every other opening they
   * belong to (one cadence per person, the LinkedIn hold).
   */
  load(openingIds: readonly string[]): PlaybookFacts;
}

export function createSliceFactsLoader(db: Db): SliceFactsLoader {
  const openingIds = db.prepare<{ after: string; limit: number }, { id: string }>(
    `SELECT o.id FROM openings o WHERE ${live(openingsTable)} AND o.id > @after ORDER BY o.id LIMIT @limit`,
  );

  const openings = db.prepare<{ ids: string }, OpeningFact>(`
    SELECT ${selectList(openingsTable, 'o', ['id', 'role', 'stage', 'notifyBy', 'followUpChannel'])}, c.name AS companyName,
      -- vaults written before stage_changed_at was kept everywhere fall back to the last edit
      COALESCE(o.stage_changed_at, o.updated_at) AS stageChangedAt
    FROM openings o JOIN companies c ON c.id = o.company_id
    WHERE ${live(openingsTable)} AND o.id IN ${IN_SLICE}`);

  // In rowid order within an opening, as a scan of the whole table gives: a tie in start times breaks the same way.
  const interviews = db.prepare<{ ids: string }, InterviewFact>(`
    SELECT ${selectList(interviewsTable, 'i', ['id', 'openingId', 'startsAt', 'endsAt', 'createdAt'])}, i.completed_at AS debriefCompletedAt
    FROM interviews i WHERE i.opening_id IN ${IN_SLICE} AND ${live(interviewsTable)}
      -- A cancelled interview did not happen: no debrief, no thank-you, no wait for an answer.
      AND i.cancelled_at IS NULL
    ORDER BY i.rowid`);

  // A letter goes with its interview: one in the trash takes its thank-you notes out of the plan.
  const letters = db.prepare<{ ids: string }, LetterFact>(`
    SELECT ${selectList(lettersTable, 'l', ['id', 'kind', 'openingId', 'interviewId', 'recipientName', 'startedAt', 'sentAt', 'mailBy', 'postedAt'])}
    FROM letters l
    WHERE l.opening_id IN ${IN_SLICE} AND ${live(lettersTable)}
      AND (l.interview_id IS NULL OR NOT EXISTS (SELECT 1 FROM interviews ci WHERE ci.id = l.interview_id AND ci.cancelled_at IS NOT NULL))
    ORDER BY l.rowid`);

  const TOUCHPOINT = `SELECT ${selectList(touchpointsTable, 't', ['openingId', 'contactId', 'direction'])}, t.occurred_at AS at,
      t.kind = 'follow_up' AS isFollowUp
    FROM touchpoints t WHERE t.opening_id IS NOT NULL AND ${live(touchpointsTable, 't')}`;
  const touchpoints = db.prepare<{ ids: string }, TouchpointRow>(`${TOUCHPOINT} AND t.opening_id IN ${IN_SLICE} ORDER BY t.rowid`);
  // Outbound touches to these people logged on other openings: they count toward staying in touch.
  const outboundElsewhere = db.prepare<{ ids: string; contacts: string }, TouchpointRow>(`${TOUCHPOINT}
    AND t.direction = 'outbound' AND t.contact_id IN (SELECT value FROM json_each(@contacts)) AND t.opening_id NOT IN ${IN_SLICE}
    ORDER BY t.rowid`);

  // The people of an opening (see people-of-openings.ts). The interviewer's
  // channel noted in a debrief wins over the contact's general preference.
  // The contacts table has no LinkedIn state, so an invitation logged as a
  // touchpoint counts as connecting: each person's first one, looked up by contact.
  const openingContacts = db.prepare<{ ids: string }, OpeningContactFact>(`
    WITH people(opening_id, contact_id, channel) AS (${peopleOfOpenings((opening) => `${opening} IN ${IN_SLICE}`)})
    SELECT p.opening_id AS openingId, p.contact_id AS contactId, ${selectList(contactsTable, 'ct', ['name'])},
      COALESCE(MAX(p.channel), ct.preferred_channel) AS preferredChannel,
      (SELECT MIN(t.occurred_at) FROM touchpoints t
        WHERE t.contact_id = p.contact_id AND t.kind = 'linkedin_invite' AND t.direction = 'outbound' AND ${notTrashed(touchpointsTable, 't')}) AS linkedinConnectedAt
    FROM people p JOIN contacts ct ON ct.id = p.contact_id AND ${live(contactsTable, 'ct')}
    GROUP BY p.opening_id, p.contact_id
    ORDER BY p.opening_id, ct.name COLLATE NOCASE, p.contact_id`);

  // The other openings these people belong to, found by person (each branch by its contact index).
  const otherOpeningsOfPeople = db.prepare<{ ids: string; contacts: string }, PersonOpeningFact>(`
    WITH links(opening_id, contact_id, channel) AS (${peopleOfOpenings(
      (opening, contact) => `${contact} IN (SELECT value FROM json_each(@contacts)) AND ${opening} NOT IN ${IN_SLICE}`,
    )})
    SELECT DISTINCT l.contact_id AS contactId, o.id AS openingId, ${selectList(openingsTable, 'o', ['stage'])}, COALESCE(o.stage_changed_at, o.updated_at) AS stageChangedAt
    FROM links l JOIN openings o ON o.id = l.opening_id AND ${live(openingsTable)}
    ORDER BY l.contact_id, o.id`);

  // One row per opening a live reference is used for.
  const references = db.prepare<{ ids: string }, ReferenceFact>(`
    SELECT ${selectList(openingReferencesTable, 'x', ['referenceId', 'openingId', 'briefedAt', 'thankedAt'])}, ${selectList(referencesTable, 'r', ['name', 'permission'])}
    FROM opening_references x JOIN "references" r ON r.id = x.reference_id
    WHERE x.opening_id IN ${IN_SLICE} AND ${live(openingReferencesTable, 'x', { referenceId: 'r' })}
    ORDER BY x.opening_id, r.name COLLATE NOCASE, r.id`);

  const asFact = (touchpoint: TouchpointRow): TouchpointFact => ({ ...touchpoint, isFollowUp: touchpoint.isFollowUp === 1 });

  return {
    openingIdsAfter: (after, limit) => openingIds.all({ after, limit }).map((row) => row.id),
    load(ids) {
      const slice = { ids: JSON.stringify(ids) };
      const people = openingContacts.all(slice);
      const contacts = JSON.stringify([...new Set(people.map((person) => person.contactId))]);
      return {
        openings: openings.all(slice),
        interviews: interviews.all(slice),
        letters: letters.all(slice),
        touchpoints: [...touchpoints.all(slice), ...outboundElsewhere.all({ ...slice, contacts })].map(asFact),
        references: references.all(slice),
        openingContacts: people,
        otherOpeningsOfPeople: otherOpeningsOfPeople.all({ ...slice, contacts }),
      };
    },
  };
}

/** Every live opening's facts at once, from one snapshot of the vault (for tests and tools; the service plans in slices). */
export function createFactsLoader(db: Db): () => PlaybookFacts {
  const loader = createSliceFactsLoader(db);
  return () => db.transaction((): PlaybookFacts => loader.load(loader.openingIdsAfter('', -1)))();
}
