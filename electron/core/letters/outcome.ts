import type { z } from 'zod';
import { OUTCOME_STEPS, type recordOutcomeSchema } from '#shared/domain/outcome';
import type { Opening } from '#shared/domain/opening';
import { letterClock } from '#shared/domain/countdown';
import type { SettingsReader } from '../settings/service';
import type { Db } from '../vault/db';
import { createLetterRecipients } from '../vault/read-models/letter-recipients';
import type { ContactsRepository } from '../vault/repositories/contacts';
import type { LettersRepository } from '../vault/repositories/letters';
import type { OpeningsRepository } from '../vault/repositories/openings';
import type { TemplatesRepository } from '../vault/repositories/templates';
import { draftLetter, longDate, templateValues, type Recipient } from './drafts';

export type RecordOutcome = z.output<typeof recordOutcomeSchema>;

/** Who the reply goes to when nobody at the company is known. */
const HIRING_TEAM: Recipient = { contactId: null, name: 'Hiring team', title: null, email: null };

/**
 * The one way into an outcome stage. The stage change is what the playbook's
 * rules read (staying in touch, thanking references, the LinkedIn hold, the
 * revisit: OUTCOME_STEPS); an outcome with a reply also drafts it here, to the
 * person who told you or else the last person you met, due on its own clock.
 */
export function createOutcomeRecorder(
  db: Db,
  deps: { openings: OpeningsRepository; contacts: ContactsRepository; letters: LettersRepository; templates: TemplatesRepository; settings: SettingsReader },
) {
  const { openings, contacts, letters, templates, settings } = deps;
  const recipients = createLetterRecipients(db);

  function draftReply(opening: Opening, contactId: string | undefined, now: string): string {
    const existing = letters.rejectionOf(opening.id);
    if (existing) return existing;
    const told = contactId ? contacts.require(contactId) : undefined;
    const last = recipients.lastInterviewer(opening.id);
    const recipient: Recipient = told ? { contactId: told.id, name: told.name, title: told.title, email: told.email } : (last ?? HIRING_TEAM);
    const interview = recipients.lastInterview(opening.id);
    const { profile, playbook } = settings.get();
    const facts = {
      kind: 'rejection' as const,
      openingId: opening.id,
      interviewId: null,
      role: opening.role,
      companyName: opening.companyName,
      interviewDate: interview ? longDate(interview.startsAt, interview.timeZone) : null,
      myName: profile.name,
      startedAt: now,
      dueAt: letterClock({ kind: 'rejection', startedAt: now }, playbook).dueAt,
    };
    const values = templateValues(recipient, facts, recipient === HIRING_TEAM ? 'hiring team' : undefined);
    return letters.insert(draftLetter(templates.defaultFor('rejection', now), recipient, facts, values), now);
  }

  return db.transaction((input: RecordOutcome, now: string): { opening: Opening; letterId: string | null } => {
    const opening = openings.setStage(input.openingId, input.outcome, now);
    const letterId = OUTCOME_STEPS[input.outcome].replyDraft ? draftReply(opening, input.contactId, now) : null;
    return { opening, letterId };
  });
}
