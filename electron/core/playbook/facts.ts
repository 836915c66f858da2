import type { ContactChannel } from '#shared/domain/fields';
import type { Stage } from '#shared/domain/opening';

/**
 * What the playbook needs to know, read from the vault in one go. Plain data:
 * the rules are pure functions of these facts, the settings and the clock.
 */
export interface PlaybookFacts {
  openings: OpeningFact[];
  interviews: InterviewFact[];
  letters: LetterFact[];
  touchpoints: TouchpointFact[];
  references: ReferenceFact[];
  /** The people of each opening: its interview teams and the contacts its touchpoints and letters name. */
  openingContacts: OpeningContactFact[];
  /**
   * Openings outside these facts that their people belong to, so that a
   * person's one stay-in-touch cadence and LinkedIn hold see all of their
   * openings when the plan is made a slice at a time (optional: none outside).
   */
  otherOpeningsOfPeople?: PersonOpeningFact[];
}

export interface OpeningFact {
  id: string;
  role: string;
  companyName: string;
  stage: Stage;
  /** When the opening entered its current stage. */
  stageChangedAt: string;
  notifyBy: string | null;
  followUpChannel: ContactChannel | null;
}

export interface InterviewFact {
  id: string;
  openingId: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
  debriefCompletedAt: string | null;
}

/** A thank-you note or a letter after a rejection, to one person. */
export interface LetterFact {
  id: string;
  kind: 'thank_you' | 'rejection';
  openingId: string;
  interviewId: string | null;
  recipientName: string;
  /** The instant the clock started: the interview's end, or when the rejection was recorded. */
  startedAt: string;
  sentAt: string | null;
  /** The handwritten copy: when it should be in the post, and whether it is. */
  mailBy: string | null;
  postedAt: string | null;
}

export interface TouchpointFact {
  openingId: string;
  contactId: string | null;
  direction: 'inbound' | 'outbound';
  at: string;
  /** Follow-ups count against the unanswered limit; a thank-you note does not. */
  isFollowUp: boolean;
}

export interface ReferenceFact {
  referenceId: string;
  name: string;
  openingId: string;
  permission: 'not_asked' | 'asked' | 'granted' | 'declined';
  briefedAt: string | null;
  thankedAt: string | null;
}

export interface OpeningContactFact {
  openingId: string;
  contactId: string;
  name: string;
  preferredChannel: ContactChannel | null;
  linkedinConnectedAt: string | null;
}

/** One opening a person belongs to, as far as their cadence and hold care. */
export interface PersonOpeningFact {
  contactId: string;
  openingId: string;
  stage: Stage;
  stageChangedAt: string;
}

export const NO_FACTS: PlaybookFacts = { openings: [], interviews: [], letters: [], touchpoints: [], references: [], openingContacts: [] };
