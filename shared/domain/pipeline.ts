import { z } from 'zod';
import { openingSummarySchema } from './opening';
import { REMINDER_KINDS, TARGET_KINDS } from './playbook';

/**
 * An opening's next action: its most urgent open reminder (the nearest
 * deadline, or due time where there is none, as Today orders them), with what
 * the card needs to say when it is due and to link where it is done.
 */
export const nextActionSchema = z.object({
  key: z.string(),
  kind: z.enum(REMINDER_KINDS),
  title: z.string(),
  dueAt: z.string(),
  deadlineAt: z.string().nullable(),
  /** Put off by the user until then; null when not snoozed. */
  snoozedUntil: z.string().nullable(),
  openingId: z.string().nullable(),
  target: z.object({ kind: z.enum(TARGET_KINDS), id: z.string() }),
});
export type NextAction = z.infer<typeof nextActionSchema>;

/** A row of the pipeline's list and board: the opening, its interviews, and what to do next. */
export const pipelineRowSchema = openingSummarySchema.extend({
  nextAction: nextActionSchema.nullable(),
});
export type PipelineRow = z.infer<typeof pipelineRowSchema>;
