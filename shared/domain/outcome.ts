import { z } from 'zod';
import { idSchema } from './fields';
import type { Stage } from './opening';

/**
 * How a process ends, or pauses: each is recorded through one step
 * (openings.recordOutcome), whichever screen the user starts from.
 */
export const OUTCOMES = ['offer', 'accepted', 'rejected', 'withdrawn', 'dormant'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Stages an opening enters only by recording its outcome, because each sets
 * something in motion. A plain stage change into one of them is refused.
 * (Creating an opening already in one, e.g. from an imported tracker, records
 * history: nothing was set in motion then, and nothing is now.)
 */
export const OUTCOME_STAGES = ['accepted', 'rejected', 'withdrawn', 'dormant'] as const satisfies readonly Stage[];
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export function isOutcomeStage(stage: Stage): stage is OutcomeStage {
  return (OUTCOME_STAGES as readonly Stage[]).includes(stage);
}

/** What recording an outcome sets in motion. The playbook's rules read this table, and the outcome dialog says it. */
export interface OutcomeSteps {
  /** A gracious reply to draft, due on its own clock (playbook.rejectionDraftHours). */
  replyDraft: boolean;
  /** Check in with the people met, every playbook.stayInTouchEveryDays, playbook.stayInTouchTimes times. */
  stayInTouch: boolean;
  /** Thank each reference who agreed, and tell them how it ended. */
  thankReferences: boolean;
  /** The LinkedIn hold lifts, with a reminder to connect (when the hold is on in Settings). */
  liftLinkedInHold: boolean;
  /** Follow-ups stop; a reminder to look back after playbook.revisitAfterMonths. */
  revisit: boolean;
}

const NOTHING: OutcomeSteps = { replyDraft: false, stayInTouch: false, thankReferences: false, liftLinkedInHold: false, revisit: false };

export const OUTCOME_STEPS: Record<Outcome, OutcomeSteps> = {
  // Still deciding: the process is open, so the hold stays and nothing closes.
  offer: NOTHING,
  accepted: { ...NOTHING, thankReferences: true, liftLinkedInHold: true },
  rejected: { ...NOTHING, replyDraft: true, stayInTouch: true, thankReferences: true, liftLinkedInHold: true },
  withdrawn: { ...NOTHING, thankReferences: true, liftLinkedInHold: true },
  // Gone quiet: no answer to report to references yet, but nobody is deciding either, so the hold lifts.
  dormant: { ...NOTHING, liftLinkedInHold: true, revisit: true },
};

/** The steps an opening in this stage has set in motion; nothing for a stage that is not an outcome. */
export function stepsOfStage(stage: Stage): OutcomeSteps {
  return (OUTCOMES as readonly Stage[]).includes(stage) ? OUTCOME_STEPS[stage as Outcome] : NOTHING;
}

/** The stages whose outcome brings this step, e.g. every stage that lifts the LinkedIn hold. */
export function stagesWith(step: keyof OutcomeSteps): ReadonlySet<Stage> {
  return new Set(OUTCOMES.filter((outcome) => OUTCOME_STEPS[outcome][step]));
}

export const recordOutcomeSchema = z
  .object({
    openingId: idSchema,
    outcome: z.enum(OUTCOMES, { error: 'Outcome must be offer, accepted, rejected, withdrawn or dormant.' }),
    /** For a rejection: who told you (their reply goes to them); else the most recent interviewer. */
    contactId: idSchema.optional(),
  })
  .strict();
export type RecordOutcomeInput = z.input<typeof recordOutcomeSchema>;
