import type { PlaybookSettings } from '#shared/domain/playbook';
import { addDays, localDate, zonedInstant } from '#shared/domain/zoned-time';
import type { FactIndex } from './fact-index';
import type { OpeningFact, PlaybookFacts } from './facts';

export interface RuleContext {
  facts: PlaybookFacts;
  /** The same facts grouped by opening and contact, so no rule scans the whole vault per opening. */
  index: FactIndex;
  settings: PlaybookSettings;
  /**
   * Whether an instant has come: the only way a rule may look at the clock,
   * so the plan knows when its answer can change next (see PlanClock).
   */
  hasPassed(instant: string): boolean;
  /** The user's zone, for "on the day" rules. */
  timeZone: string;
}

/**
 * The clock a plan is made at. Every instant a rule asks about that has not
 * come yet is a moment the plan could answer differently (an interview that
 * ends, one that starts); the first of them is when to plan again, even with
 * no write in between.
 */
export function planClock(now: Date) {
  const nowMs = now.getTime();
  let changesAt = Number.POSITIVE_INFINITY;
  return {
    hasPassed(instant: string): boolean {
      const at = Date.parse(instant);
      if (at <= nowMs) return true;
      if (at < changesAt) changesAt = at;
      return false;
    },
    /** The first instant asked about that is still to come, or null if the answer holds for good. */
    changesAt(): string | null {
      return Number.isFinite(changesAt) ? iso(changesAt) : null;
    },
  };
}

/** Stages in which the employer still owes an answer. */
export const ACTIVE_STAGES = new Set(['applied', 'interviewing', 'offer']);
/** Stages in which the process asks nothing more of its own (debriefs, briefs): over, or gone quiet. */
export const CLOSED_STAGES = new Set(['accepted', 'rejected', 'withdrawn', 'dormant']);

export function iso(instant: Date | number): string {
  return new Date(instant).toISOString();
}

export function plusHours(instant: string, hours: number): string {
  return iso(Date.parse(instant) + hours * 3_600_000);
}

export function plusDays(instant: string, days: number): string {
  return plusHours(instant, days * 24);
}

/** The user's morning (settings.morningTime) on a calendar date. */
export function morningOf(date: string, context: Pick<RuleContext, 'settings' | 'timeZone'>): string {
  return iso(zonedInstant(date, context.settings.morningTime, context.timeZone));
}

/** The user's morning `days` calendar days after the day of `instant`. */
export function morningAfter(instant: string, days: number, context: Pick<RuleContext, 'settings' | 'timeZone'>): string {
  return morningOf(addDays(localDate(new Date(instant), context.timeZone), days), context);
}

export function openingName(opening: OpeningFact): string {
  return `${opening.role} at ${opening.companyName}`;
}
