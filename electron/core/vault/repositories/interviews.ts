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
} from '../../../../shared/domain/interview';
import type { Deleted } from '../../../../shared/domain/trash';
import { AppError } from '../../errors';
import type { Db } from '../connection';
import { missing } from '../missing';
import type { ContactsRepository } from './contacts';
import type { OpeningsRepository } from './openings';

export type InterviewPatch = z.output<typeof interviewPatchSchema>;
type TeamInput = z.output<typeof teamInputSchema>;

const INTERVIEW_COLUMNS = `i.id, i.opening_id AS openingId, i.round, i.title, i.starts_at AS startsAt, i.ends_at AS endsAt,
  i.time_zone AS timeZone, i.format, i.location, i.meeting_url AS meetingUrl, i.created_at AS createdAt, i.updated_at AS updatedAt`;
const FROM_LIVE_INTERVIEWS = `FROM interviews i JOIN openings o ON o.id = i.opening_id JOIN companies c ON c.id = o.company_id
  WHERE i.deleted_at IS NULL AND o.deleted_at IS NULL`;
const SUMMARY_COLUMNS = `${INTERVIEW_COLUMNS}, o.role, c.name AS companyName,
  (SELECT json_group_array(p.name ORDER BY t.position) FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = i.id AND p.deleted_at IS NULL) AS teamNames,
  i.completed_at IS NOT NULL AS debriefCompleted`;
const OLDEST_FIRST = 'ORDER BY i.starts_at, i.id';

const DEBRIEF_COLUMNS = `next_step_clear AS nextStepClear, next_step AS nextStep, notify_by AS notifyBy, fill_by AS fillBy,
  cards_collected AS cardsCollected, impressions, concerns, questions, learned, completed_at AS completedAt`;

interface SummaryRow extends Omit<InterviewSummary, 'teamNames' | 'debriefCompleted'> {
  teamNames: string;
  debriefCompleted: number;
}
interface TeamRow extends Omit<TeamMember, 'cardCollected'> {
  cardCollected: number;
}
interface DebriefRow extends Omit<Debrief, 'nextStepClear' | 'cardsCollected'> {
  nextStepClear: number;
  cardsCollected: number;
}

const toSummary = (row: SummaryRow): InterviewSummary => ({
  ...row,
  teamNames: JSON.parse(row.teamNames) as string[],
  debriefCompleted: row.debriefCompleted === 1,
});

const PATCHABLE_KEYS = ['round', 'title', 'startsAt', 'endsAt', 'timeZone', 'format', 'location', 'meetingUrl'] as const;

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

export function createInterviewsRepository(db: Db, openings: OpeningsRepository, contacts: ContactsRepository, listener: InterviewListener = NO_LISTENER) {
  const insert = db.prepare(`
    INSERT INTO interviews (id, opening_id, round, title, starts_at, ends_at, time_zone, format, location, meeting_url, created_at, updated_at)
    VALUES (@id, @openingId, @round, @title, @startsAt, @endsAt, @timeZone, @format, @location, @meetingUrl, @now, @now)`);
  const update = db.prepare(`
    UPDATE interviews SET round = @round, title = @title, starts_at = @startsAt, ends_at = @endsAt, time_zone = @timeZone,
      format = @format, location = @location, meeting_url = @meetingUrl, updated_at = @now
    WHERE id = @id`);
  const liveCount = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM interviews WHERE opening_id = ? AND deleted_at IS NULL');
  const byId = db.prepare<[string], Interview>(`SELECT ${INTERVIEW_COLUMNS} ${FROM_LIVE_INTERVIEWS} AND i.id = ?`);
  const ofOpening = db.prepare<[string], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_INTERVIEWS} AND i.opening_id = ? ${OLDEST_FIRST}`);
  const ofContact = db.prepare<[string], SummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} ${FROM_LIVE_INTERVIEWS}
      AND i.id IN (SELECT interview_id FROM interview_team WHERE contact_id = ?)
    ${OLDEST_FIRST}`);
  const markDeleted = db.prepare(`
    UPDATE interviews SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL
      AND opening_id IN (SELECT id FROM openings WHERE deleted_at IS NULL)`);

  const team = db.prepare<[string], TeamRow>(`
    SELECT p.id AS contactId, p.name, p.title, p.email,
      coalesce(t.preferred_channel, p.preferred_channel) AS preferredChannel, t.card_collected AS cardCollected
    FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = ? AND p.deleted_at IS NULL
    ORDER BY t.position`);
  const visibleTeamRows = db.prepare<[string], { contactId: string; preferredChannel: string | null; cardCollected: number }>(`
    SELECT t.contact_id AS contactId, t.preferred_channel AS preferredChannel, t.card_collected AS cardCollected
    FROM interview_team t JOIN contacts p ON p.id = t.contact_id
    WHERE t.interview_id = ? AND p.deleted_at IS NULL`);
  const allTeamIds = db.prepare<[string], { contactId: string }>('SELECT contact_id AS contactId FROM interview_team WHERE interview_id = ? ORDER BY position');
  const removeMember = db.prepare('DELETE FROM interview_team WHERE interview_id = ? AND contact_id = ?');
  const addMember = db.prepare(`
    INSERT INTO interview_team (interview_id, contact_id, position, preferred_channel, card_collected)
    VALUES (@interviewId, @contactId, @position, @preferredChannel, @cardCollected)`);
  const recordMember = db.prepare(`
    UPDATE interview_team SET preferred_channel = @preferredChannel, card_collected = @cardCollected
    WHERE interview_id = @interviewId AND contact_id = @contactId`);

  const debriefOf = db.prepare<[string], DebriefRow>(`SELECT ${DEBRIEF_COLUMNS} FROM interviews WHERE id = ?`);
  const saveDebriefRow = db.prepare(`
    UPDATE interviews SET next_step_clear = @nextStepClear, next_step = @nextStep, notify_by = @notifyBy, fill_by = @fillBy,
      cards_collected = @cardsCollected, impressions = @impressions, concerns = @concerns, questions = @questions,
      learned = @learned, completed_at = coalesce(completed_at, @completedAt), updated_at = @now
    WHERE id = @id`);

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
        interviewId,
        contactId,
        position,
        preferredChannel: kept?.preferredChannel ?? null,
        cardCollected: kept?.cardCollected ?? 0,
      });
    });
  }

  const create = db.transaction((input: NewInterview, now: string): Interview => {
    const opening = openings.require(input.openingId);
    const id = randomUUID();
    const round = input.round ?? liveCount.get(opening.id)!.n + 1;
    const { team: teamInput, ...fields } = input;
    insert.run({ ...fields, id, round, now });
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
    return { ...row, nextStepClear: row.nextStepClear === 1, cardsCollected: row.cardsCollected === 1 };
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
