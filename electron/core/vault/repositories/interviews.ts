import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  MAX_INTERVIEW_HOURS,
  type Debrief,
  type DebriefInput,
  type Interview,
  type interviewPatchSchema,
  type InterviewSummary,
  type NewInterview,
  type teamInputSchema,
  type TeamMember,
} from '#shared/domain/interview';
import type { Deleted } from '#shared/domain/trash';
import { AppError } from '#core/errors';
import type { Db } from '../connection';
import { contactsTable } from '../tables/contacts';
import { DEBRIEF_KEYS, interviewsTable, interviewTeamTable } from '../tables/interviews';
import { live, notTrashed } from '../tables/live';
import { insertSql, rowDefaults, rowReader, selectList, updateSql } from '../tables/sql';
import { missing } from '../missing';
import type { ContactsRepository } from './contacts';
import type { OpeningsRepository } from './openings';

export type InterviewPatch = z.output<typeof interviewPatchSchema>;
type TeamInput = z.output<typeof teamInputSchema>;

const INTERVIEW_COLUMNS = selectList(interviewsTable);
const FROM_LIVE_INTERVIEWS = `FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
  WHERE ${live(interviewsTable, 'i', { openingId: 'o' })}`;
const SUMMARY_COLUMNS = `${INTERVIEW_COLUMNS}, o.role, c.name AS companyName,
  (SELECT json_group_array(p.name ORDER BY t.position) FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = i.id AND ${live(contactsTable, 'p')}) AS teamNames,
  i.completed_at IS NOT NULL AS debriefCompleted`;
const OLDEST_FIRST = 'ORDER BY i.starts_at, i.id';

const DEBRIEF_COLUMNS = selectList(interviewsTable, 'i', DEBRIEF_KEYS);
/** The debrief's answers, saved as typed; its completion is kept once set (see saveDebriefRow). */
const DEBRIEF_ANSWERS = DEBRIEF_KEYS.filter((key) => key !== 'completedAt');
const readDebrief = rowReader(interviewsTable, DEBRIEF_KEYS) as (row: object) => Debrief;

interface SummaryRow extends Omit<InterviewSummary, 'teamNames' | 'debriefCompleted'> {
  teamNames: string;
  debriefCompleted: number;
}
interface TeamRow extends Omit<TeamMember, 'cardCollected'> {
  cardCollected: number;
}

const toSummary = (row: SummaryRow): InterviewSummary => ({
  ...row,
  teamNames: JSON.parse(row.teamNames) as string[],
  debriefCompleted: row.debriefCompleted === 1,
});

const PATCHABLE_KEYS = interviewsTable.editableKeys();
/** Someone newly on a team: nothing recorded about them yet. */
const NEW_MEMBER = rowDefaults(interviewTeamTable);
/** A new interview is not cancelled, nor debriefed. */
const NEW_INTERVIEW = rowDefaults(interviewsTable);

function checkTimes(startsAt: string, endsAt: string): void {
  const length = Date.parse(endsAt) - Date.parse(startsAt);
  if (!(length > 0 && length <= MAX_INTERVIEW_HOURS * 3_600_000)) {
    throw new AppError('INVALID_INPUT', `The interview must end after it starts, and last at most ${MAX_INTERVIEW_HOURS} hours.`, 'endsAt');
  }
}

/** The interview and its whole team (people in the trash included) before a change. */
export interface InterviewBefore {
  interview: Interview;
  teamIds: string[];
}

/**
 * Told about every created or changed interview inside the same transaction,
 * so what follows from it (a thank-you note per interviewer) is never out of step.
 */
export interface InterviewListener {
  created(interviewId: string, now: string): void;
  updated(before: InterviewBefore, now: string): void;
}

const NO_LISTENER: InterviewListener = { created: () => undefined, updated: () => undefined };

/** The calendar invite an interview was imported from: its UID (with the occurrence it replaces) and SEQUENCE. */
export interface InviteKey {
  uid: string;
  sequence: number;
}

/** An interview imported from an invite, as a newer version or a cancellation of it finds it. */
export interface ImportedInterview {
  interviewId: string;
  openingId: string;
  openingName: string;
  sequence: number;
  cancelledAt: string | null;
}

export function createInterviewsRepository(db: Db, openings: OpeningsRepository, contacts: ContactsRepository, listener: InterviewListener = NO_LISTENER) {
  const insert = db.prepare(insertSql(interviewsTable, { values: { inviteUid: '@inviteUid', inviteSequence: '@inviteSequence' } }));
  const byInvite = db.prepare<[string], ImportedInterview>(`
    SELECT i.id AS interviewId, ${selectList(interviewsTable, 'i', ['openingId', 'cancelledAt'])}, o.role || ' at ' || c.name AS openingName,
      i.invite_sequence AS sequence
    ${FROM_LIVE_INTERVIEWS} AND i.invite_uid = ? ORDER BY i.created_at DESC LIMIT 1`);
  const setInvite = db.prepare('UPDATE interviews SET invite_uid = @uid, invite_sequence = @sequence, cancelled_at = NULL WHERE id = @id');
  const cancelRow = db.prepare('UPDATE interviews SET invite_sequence = @sequence, cancelled_at = @now, updated_at = @now WHERE id = @id');
  const update = db.prepare(updateSql(interviewsTable));
  const liveCount = db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM interviews i WHERE i.opening_id = ? AND ${notTrashed(interviewsTable)}`);
  const byId = db.prepare<[string], Interview>(`SELECT ${INTERVIEW_COLUMNS} ${FROM_LIVE_INTERVIEWS} AND i.id = ?`);
  const ofOpening = db.prepare<[string], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_INTERVIEWS} AND i.opening_id = ? ${OLDEST_FIRST}`);
  const ofContact = db.prepare<[string], SummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_INTERVIEWS}
      AND i.id IN (SELECT interview_id FROM interview_team WHERE contact_id = ?)
    ${OLDEST_FIRST}`);
  const markDeleted = db.prepare(`UPDATE interviews AS i SET deleted_at = @now WHERE i.id = @id AND ${live(interviewsTable)}`);

  const team = db.prepare<[string], TeamRow>(`
    SELECT ${selectList(interviewTeamTable, 't', ['contactId', 'preferredChannel', 'cardCollected'], {
      // The debrief's word on this interviewer wins over the contact's general preference.
      preferredChannel: 'coalesce(t.preferred_channel, p.preferred_channel)',
    })}, ${selectList(contactsTable, 'p', ['name', 'title', 'email'])}
    FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = ? AND ${live(contactsTable, 'p')}
    ORDER BY t.position`);
  const visibleTeamRows = db.prepare<[string], { contactId: string; preferredChannel: string | null; cardCollected: number }>(`
    SELECT ${selectList(interviewTeamTable, 't', ['contactId', 'preferredChannel', 'cardCollected'])}
    FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = ? AND ${live(contactsTable, 'p')}`);
  const allTeamIds = db.prepare<[string], { contactId: string }>(
    `SELECT ${selectList(interviewTeamTable, 't', ['contactId'])} FROM interview_team t WHERE t.interview_id = ? ORDER BY t.position`,
  );
  const removeMember = db.prepare('DELETE FROM interview_team WHERE interview_id = ? AND contact_id = ?');
  const addMember = db.prepare(insertSql(interviewTeamTable));
  // What the debrief records about each interviewer.
  const recordMember = db.prepare(updateSql(interviewTeamTable, { keys: ['preferredChannel', 'cardCollected'] }));

  const debriefOf = db.prepare<[string], object>(`SELECT ${DEBRIEF_COLUMNS} FROM interviews i WHERE i.id = ?`);
  const saveDebriefRow = db.prepare(updateSql(interviewsTable, { keys: DEBRIEF_ANSWERS, set: { completedAt: 'coalesce(completed_at, @completedAt)' } }));

  function require(id: string): Interview {
    const interview = byId.get(id);
    if (!interview) throw missing('interview');
    return interview;
  }

  /** Contact ids for the team, in order, each once; new people become contacts of the company. */
  function resolveTeam(entries: readonly TeamInput[], companyId: string, now: string): string[] {
    const ids = new Set<string>();
    for (const entry of entries) {
      if ('contactId' in entry) {
        if (!contacts.get(entry.contactId)) {
          throw new AppError('INVALID_INPUT', 'Someone on the team is no longer among your contacts. Choose them again or add them by name.', 'team');
        }
        ids.add(entry.contactId);
      } else {
        ids.add(contacts.ensureTeamPerson(entry, companyId, now));
      }
    }
    return [...ids];
  }

  /**
   * Replaces the visible team. What a debrief recorded about someone who stays
   * is kept; people whose contact is in the trash stay on it, hidden, so
   * restoring them restores their place.
   */
  function replaceTeam(interviewId: string, contactIds: readonly string[]): void {
    const previous = new Map(visibleTeamRows.all(interviewId).map((row) => [row.contactId, row]));
    for (const contactId of previous.keys()) removeMember.run(interviewId, contactId);
    contactIds.forEach((contactId, position) => {
      const kept = previous.get(contactId);
      addMember.run({
        ...NEW_MEMBER,
        interviewId,
        contactId,
        position,
        preferredChannel: kept?.preferredChannel ?? null,
        cardCollected: kept?.cardCollected ?? 0,
      });
    });
  }

  const create = db.transaction((input: NewInterview, now: string, invite: InviteKey | null = null): Interview => {
    const opening = openings.require(input.openingId);
    const id = randomUUID();
    const round = input.round ?? liveCount.get(opening.id)!.n + 1;
    const { team: teamInput, ...fields } = input;
    insert.run({ ...NEW_INTERVIEW, ...fields, id, round, inviteUid: invite?.uid ?? null, inviteSequence: invite?.sequence ?? null, now });
    replaceTeam(id, resolveTeam(teamInput, opening.companyId, now));
    openings.markInterviewing(opening.id, now);
    listener.created(id, now);
    return byId.get(id)!;
  });

  const updateInterview = db.transaction((patch: InterviewPatch, now: string): Interview => {
    const current = require(patch.id);
    const teamIds = allTeamIds.all(patch.id).map((row) => row.contactId);
    const next = { ...current };
    for (const key of PATCHABLE_KEYS) {
      if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
    }
    // The schema compares the times only when both arrive; one may be stored.
    checkTimes(next.startsAt, next.endsAt);
    update.run({ ...next, now });
    if (patch.team !== undefined) {
      replaceTeam(patch.id, resolveTeam(patch.team, openings.require(current.openingId).companyId, now));
    }
    listener.updated({ interview: current, teamIds }, now);
    return byId.get(patch.id)!;
  });

  const softDelete = db.transaction((id: string, now: string): Deleted => {
    if (markDeleted.run({ id, now }).changes === 0) throw missing('interview');
    return { kind: 'interview', id, deletedAt: now };
  });

  function debrief(id: string): Debrief {
    const row = debriefOf.get(id);
    if (!row) throw missing('interview');
    return readDebrief(row);
  }

  const saveDebrief = db.transaction((input: DebriefInput, now: string): Debrief => {
    const interview = require(input.interviewId);
    const members = new Set(visibleTeamRows.all(interview.id).map((row) => row.contactId));
    for (const member of input.team) {
      if (!members.has(member.contactId)) {
        throw new AppError('INVALID_INPUT', 'Someone in this debrief is not on the interview team. Reopen the interview and try again.', 'team');
      }
      recordMember.run({
        interviewId: interview.id,
        contactId: member.contactId,
        preferredChannel: member.preferredChannel,
        cardCollected: member.cardCollected ? 1 : 0,
      });
      if (member.preferredChannel) contacts.adoptPreferredChannel(member.contactId, member.preferredChannel, now);
    }
    saveDebriefRow.run({
      id: interview.id,
      nextStepClear: input.nextStepClear ? 1 : 0,
      nextStep: input.nextStep,
      notifyBy: input.notifyBy,
      fillBy: input.fillBy,
      cardsCollected: input.cardsCollected ? 1 : 0,
      impressions: input.impressions,
      concerns: input.concerns,
      questions: input.questions,
      learned: input.learned,
      // Kept once set: the first completion is when the debrief was done.
      completedAt: input.complete ? now : null,
      now,
    });
    const nextStep = input.nextStep.trim();
    openings.recordHiringFacts(interview.openingId, { nextStep: nextStep || null, notifyBy: input.notifyBy, fillBy: input.fillBy }, now);
    return debrief(interview.id);
  });

  return {
    create,
    update: updateInterview,
    /** The live interview imported from this invite UID, if any. */
    importedFrom: (uid: string): ImportedInterview | null => byInvite.get(uid) ?? null,
    /** Records the invite version an interview now follows (and that it is on again). Call inside the update's transaction. */
    followInvite(id: string, invite: InviteKey): void {
      setInvite.run({ id, ...invite });
    },
    /** A cancellation from the organiser: kept with its debrief and notes, marked cancelled. */
    markCancelled: db.transaction((id: string, sequence: number, now: string): Interview => {
      require(id);
      cancelRow.run({ id, sequence, now });
      return byId.get(id)!;
    }),
    softDelete,
    saveDebrief,
    require,
    team: (id: string): TeamMember[] => team.all(id).map((row) => ({ ...row, cardCollected: row.cardCollected === 1 })),
    debrief,
    /** Oldest first: the order the story happened in. */
    summariesOfOpening: (openingId: string): InterviewSummary[] => ofOpening.all(openingId).map(toSummary),
    summariesOfContact: (contactId: string): InterviewSummary[] => ofContact.all(contactId).map(toSummary),
  };
}
export type InterviewsRepository = ReturnType<typeof createInterviewsRepository>;
