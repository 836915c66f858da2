import type { ConfirmInvite, InviteAction, InviteReading, ProposedPerson } from '#shared/domain/capture';
import type { Interview } from '#shared/domain/interview';
import { AppError } from '../errors';
import type { Db } from '../vault/connection';
import type { ImportedInterview, InterviewsRepository } from '../vault/repositories/interviews';
import type { CaptureSettingsStore } from './capture-settings';
import type { InviteProposal } from './invite-proposal';
import type { PeopleMatch } from './people-match';
import { readInvites } from './read-invites';

interface Deps {
  interviews: InterviewsRepository;
  people: PeopleMatch;
  captureSettings: CaptureSettingsStore;
  now: () => Date;
  /** The user's zone: for invites in UTC or with no zone. */
  timeZone: () => string;
}

/** What an interview is known by: the invite's UID, and for one moved occurrence of a series, which one. */
export function inviteUidKey(invite: { uid: string; recurrenceId: string | null }): string {
  return invite.recurrenceId ? `${invite.uid} @ ${invite.recurrenceId}` : invite.uid;
}

function actionFor(proposal: Pick<InviteProposal, 'cancelled' | 'sequence'>, existing: ImportedInterview | null): InviteAction {
  if (proposal.cancelled) {
    if (!existing) return 'nothing-to-cancel';
    if (existing.cancelledAt) return 'already-cancelled';
    return proposal.sequence >= existing.sequence ? 'cancel' : 'outdated';
  }
  if (!existing) return 'create';
  if (proposal.sequence > existing.sequence) return 'update';
  if (proposal.sequence === existing.sequence) return existing.cancelledAt ? 'update' : 'unchanged';
  return 'outdated';
}

/**
 * Calendar invites into interviews: read a file into proposals (people
 * matched to contacts, the interview it updates found by UID), then, once the
 * user confirms, create the interview, update the one imported from an
 * earlier version, or mark it cancelled.
 */
export function createInviteImport(db: Db, { interviews, people, captureSettings, now, timeZone }: Deps) {
  function reading(proposal: InviteProposal): InviteReading {
    const existing = interviews.importedFrom(inviteUidKey(proposal));
    const named = [
      ...(proposal.organizer && !proposal.organizer.self ? [{ ...proposal.organizer, organizer: true }] : []),
      ...proposal.attendees.filter((person) => !person.self).map((person) => ({ ...person, organizer: false })),
    ].filter((person) => person.address || person.name);
    const matched: ProposedPerson[] = people.match(named.map(({ name, address, organizer }) => ({ name, address, organizer })));
    return {
      proposal,
      people: matched,
      existing,
      action: actionFor(proposal, existing),
      suggestedOpeningId: existing?.openingId ?? people.openingFor(matched),
    };
  }

  function readText(text: string): InviteReading[] {
    const file = readInvites(text, { fallbackTimeZone: timeZone(), now: now(), ownAddresses: captureSettings.get().ownAddresses });
    return file.invites.map(reading);
  }

  function checkNotOlder(existing: ImportedInterview, sequence: number): void {
    if (sequence < existing.sequence) {
      throw new AppError('CONFLICT', 'A newer version of this invitation is already imported; this older one changes nothing.');
    }
  }

  const confirm = db.transaction((input: ConfirmInvite, nowIso: string): Interview => {
    const key = { uid: inviteUidKey(input.invite), sequence: input.invite.sequence };
    const existing = interviews.importedFrom(key.uid);
    let interview: Interview;
    if (existing) {
      checkNotOlder(existing, key.sequence);
      // The interview keeps its opening, round and debrief; the invite's times, place and people replace the old ones.
      const { openingId: _openingId, round: _round, ...fields } = input.interview;
      interviews.update({ id: existing.interviewId, ...fields }, nowIso);
      interviews.followInvite(existing.interviewId, key);
      interview = interviews.require(existing.interviewId);
    } else {
      interview = interviews.create(input.interview, nowIso, key);
    }
    return interview;
  });

  const cancel = db.transaction((invite: { uid: string; recurrenceId: string | null; sequence: number }, nowIso: string): Interview => {
    const existing = interviews.importedFrom(inviteUidKey(invite));
    if (!existing) throw new AppError('NOT_FOUND', 'This cancels an interview that was never imported, so there is nothing to cancel.');
    checkNotOlder(existing, invite.sequence);
    return interviews.markCancelled(existing.interviewId, invite.sequence, nowIso);
  });

  return { readText, reading, confirm, cancel };
}
export type InviteImport = ReturnType<typeof createInviteImport>;
