/**
 * The facts loader as it was before planning went slice by slice: the whole
 * vault in one set-based query per kind of fact. Kept as the reference the
 * sliced planner is held to (tests/unit/playbook/sliced-plan.test.ts); only
 * its people of an opening follow the rule the app now keeps.
 */
import type { Db } from '#core/vault/connection';
import type { InterviewFact, LetterFact, OpeningContactFact, OpeningFact, PlaybookFacts, ReferenceFact, TouchpointFact } from '#core/playbook/facts';

/** The row's opening is not in the trash. */
// Written out by hand, not derived from the table declarations: this is the reference the sliced loader is checked against.
const liveInterview = (alias: string) => `(${alias}.deleted_at IS NULL AND EXISTS (
    SELECT 1 FROM openings live_o WHERE live_o.id = ${alias}.opening_id AND live_o.deleted_at IS NULL))`;
const liveLetter = (alias: string) => `(${alias}.deleted_at IS NULL
    AND EXISTS (SELECT 1 FROM openings live_o WHERE live_o.id = ${alias}.opening_id AND live_o.deleted_at IS NULL)
    AND (${alias}.interview_id IS NULL OR EXISTS (
      SELECT 1 FROM interviews live_i WHERE live_i.id = ${alias}.interview_id AND live_i.deleted_at IS NULL)))`;
const LIVE_OPENING = (alias: string) => `EXISTS (SELECT 1 FROM openings lo WHERE lo.id = ${alias}.opening_id AND lo.deleted_at IS NULL)`;

/**
 * Reads what the playbook needs from the vault: one set-based query per kind
 * of fact, live rows only (nothing in the trash, nothing hidden with a parent
 * in the trash), so a re-plan costs a handful of scans however big the vault.
 */
export function createWholeVaultFactsLoader(db: Db): () => PlaybookFacts {
  const openings = db.prepare<[], OpeningFact>(`
    SELECT o.id, o.role, c.name AS companyName, o.stage,
      -- vaults written before stage_changed_at was kept everywhere fall back to the last edit
      COALESCE(o.stage_changed_at, o.updated_at) AS stageChangedAt,
      o.notify_by AS notifyBy, o.follow_up_channel AS followUpChannel
    FROM openings o JOIN companies c ON c.id = o.company_id
    WHERE o.deleted_at IS NULL`);

  const interviews = db.prepare<[], InterviewFact>(`
    SELECT i.id, i.opening_id AS openingId, i.starts_at AS startsAt, i.ends_at AS endsAt,
      i.created_at AS createdAt, i.completed_at AS debriefCompletedAt
    FROM interviews i WHERE ${liveInterview('i')}`);

  // A letter goes with its interview: one in the trash takes its thank-you notes out of the plan.
  const letters = db.prepare<[], LetterFact>(`
    SELECT l.id, l.kind, l.opening_id AS openingId, l.interview_id AS interviewId, l.recipient_name AS recipientName,
      l.started_at AS startedAt, l.sent_at AS sentAt, l.mail_by AS mailBy, l.posted_at AS postedAt
    FROM letters l
    WHERE l.deleted_at IS NULL AND ${LIVE_OPENING('l')}
      AND (l.interview_id IS NULL OR EXISTS (SELECT 1 FROM interviews i WHERE i.id = l.interview_id AND i.deleted_at IS NULL))`);

  const touchpoints = db.prepare<[], Omit<TouchpointFact, 'isFollowUp'> & { isFollowUp: number }>(`
    SELECT t.opening_id AS openingId, t.contact_id AS contactId, t.direction, t.occurred_at AS at,
      t.kind = 'follow_up' AS isFollowUp
    FROM touchpoints t
    WHERE t.deleted_at IS NULL AND t.opening_id IS NOT NULL AND ${LIVE_OPENING('t')}`);

  // The people of an opening: whoever sat on one of its live interviews, and
  // every live contact its live touchpoints and letters name (not everyone at
  // its company). The interviewer's channel noted in a debrief wins over the
  // contact's general preference. The contacts table has no LinkedIn state, so
  // an invitation logged as a touchpoint counts as connecting.
  const openingContacts = db.prepare<[], OpeningContactFact>(`
    WITH people(opening_id, contact_id, channel) AS (
      SELECT i.opening_id, it.contact_id, it.preferred_channel
      FROM interview_team it JOIN interviews i ON i.id = it.interview_id
      WHERE ${liveInterview('i')}
      UNION ALL
      SELECT t.opening_id, t.contact_id, NULL FROM touchpoints t
      WHERE t.contact_id IS NOT NULL AND t.deleted_at IS NULL AND ${LIVE_OPENING('t')}
      UNION ALL
      SELECT l.opening_id, l.contact_id, NULL FROM letters l
      WHERE l.contact_id IS NOT NULL AND ${liveLetter('l')}
    ),
    -- Each person's first invitation, gathered in one pass rather than looked up once per opening they belong to.
    invited(contact_id, at) AS (
      SELECT t.contact_id, MIN(t.occurred_at) FROM touchpoints t
      WHERE t.kind = 'linkedin_invite' AND t.direction = 'outbound' AND t.deleted_at IS NULL AND t.contact_id IS NOT NULL
      GROUP BY t.contact_id
    )
    SELECT p.opening_id AS openingId, p.contact_id AS contactId, ct.name,
      COALESCE(MAX(p.channel), ct.preferred_channel) AS preferredChannel,
      inv.at AS linkedinConnectedAt
    FROM people p JOIN contacts ct ON ct.id = p.contact_id AND ct.deleted_at IS NULL
      LEFT JOIN invited inv ON inv.contact_id = ct.id
    GROUP BY p.opening_id, p.contact_id
    ORDER BY p.opening_id, ct.name COLLATE NOCASE, p.contact_id`);

  // One row per opening a live reference is used for.
  const references = db.prepare<[], ReferenceFact>(`
    SELECT x.reference_id AS referenceId, r.name, x.opening_id AS openingId, r.permission,
      x.briefed_at AS briefedAt, x.thanked_at AS thankedAt
    FROM opening_references x JOIN "references" r ON r.id = x.reference_id AND r.deleted_at IS NULL
    WHERE ${LIVE_OPENING('x')}
    ORDER BY x.opening_id, r.name COLLATE NOCASE, r.id`);

  // One read transaction: every fact comes from the same snapshot of the vault.
  return () =>
    db.transaction((): PlaybookFacts => ({
      openings: openings.all(),
      interviews: interviews.all(),
      letters: letters.all(),
      touchpoints: touchpoints.all().map((touchpoint) => ({ ...touchpoint, isFollowUp: touchpoint.isFollowUp === 1 })),
      references: references.all(),
      openingContacts: openingContacts.all(),
    }))();
}
