import { letterClock } from '#shared/domain/countdown';
import type { SettingsReader } from '../settings/service';
import type { Db } from '../vault/db';
import { createLetterRecipients, type Addressee, type InterviewForLetter } from '../vault/read-models/letter-recipients';
import type { InterviewBefore, InterviewListener } from '../vault/repositories/interviews';
import type { LettersRepository } from '../vault/repositories/letters';
import type { TemplatesRepository } from '../vault/repositories/templates';
import { draftLetter, longDate, type DraftFacts } from './drafts';

type InterviewFacts = InterviewForLetter;
type TeamMember = Addressee;

/**
 * One thank-you note per interviewer, never a group note, kept in step with
 * the interview: its clock starts when the interview ends; someone added to
 * the team gets a note; someone removed loses theirs only if it was never
 * touched (an edited or sent note is the user's work and stays).
 */
export function createThankYouNotes(db: Db, letters: LettersRepository, templates: TemplatesRepository, settings: SettingsReader): InterviewListener {
  const recipients = createLetterRecipients(db);

  const interviewDate = (interview: Pick<InterviewFacts, 'startsAt' | 'timeZone'>) => longDate(interview.startsAt, interview.timeZone);

  function factsOf(interview: InterviewFacts): DraftFacts {
    const { profile, playbook } = settings.get();
    return {
      kind: 'thank_you',
      openingId: interview.openingId,
      interviewId: interview.id,
      role: interview.role,
      companyName: interview.companyName,
      interviewDate: interviewDate(interview),
      myName: profile.name,
      // Absolute hours from the instant the interview ended: 24 h is 24 h across DST.
      startedAt: interview.endsAt,
      dueAt: letterClock({ kind: 'thank_you', startedAt: interview.endsAt }, playbook).dueAt,
    };
  }

  const draftFor = (interview: InterviewFacts, member: TeamMember, now: string) =>
    draftLetter(templates.defaultFor('thank_you', now), member, factsOf(interview));

  function created(interviewId: string, now: string): void {
    const interview = recipients.interview(interviewId)!;
    for (const member of recipients.team(interviewId)) letters.insert(draftFor(interview, member, now), now);
  }

  function updated(before: InterviewBefore, now: string): void {
    const interview = recipients.interview(before.interview.id)!;
    const team = recipients.team(interview.id);
    const notes = letters.thankYouOf(interview.id);
    const wasOnTeam = new Set(before.teamIds);
    const isOnTeam = new Set(team.map((member) => member.contactId));

    for (const note of notes) {
      if (note.contactId && wasOnTeam.has(note.contactId) && !isOnTeam.has(note.contactId)) letters.removeUntouched(note.id, now);
    }

    const facts = factsOf(interview);
    if (before.interview.endsAt !== interview.endsAt) letters.retime(interview.id, facts.startedAt, facts.dueAt, now);

    const template = () => templates.defaultFor('thank_you', now);
    if (interviewDate(before.interview) !== facts.interviewDate) {
      // An untouched draft still quotes the old date; write it again with the right one.
      for (const note of notes) {
        const member = team.find((person) => person.contactId === note.contactId);
        if (member && !note.deleted && !note.sent && note.revision === 0) {
          const draft = draftLetter(template(), member, facts);
          letters.redraft(note.id, draft.subject, draft.doc, now);
        }
      }
    }

    for (const member of team) {
      if (wasOnTeam.has(member.contactId)) continue;
      const own = notes.filter((note) => note.contactId === member.contactId);
      if (own.some((note) => !note.deleted)) continue;
      // Someone removed and added back gets their earlier note back rather than a second one.
      const earlier = own.find((note) => note.deleted);
      if (!earlier) {
        letters.insert(draftFor(interview, member, now), now);
        continue;
      }
      letters.restore(earlier.id, now);
      if (!earlier.sent && earlier.revision === 0) {
        const draft = draftFor(interview, member, now);
        letters.redraft(earlier.id, draft.subject, draft.doc, now);
      }
    }
  }

  return { created, updated };
}
