import type { PlaybookSettings } from '../../../shared/domain/playbook';
import { addDays, localDate, zonedInstant } from '../../../shared/domain/zoned-time';
import type { FactIndex } from './fact-index';
import type { OpeningFact, PlaybookFacts } from './facts';

export interface RuleContext {
  facts: PlaybookFacts;
  /** The same facts grouped by opening and contact, so no rule scans the whole vault per opening. */
  index: FactIndex;
  settings: PlaybookSettings;
  now: Date;
  /** The user's zone, for "on the day" rules. */
  timeZone: string;
}

/** Stages in which the employer still owes an answer. */
export const ACTIVE_STAGES = new Set(['applied', 'interviewing', 'offer']);
export const CLOSED_STAGES = new Set(['accepted', 'rejected', 'withdrawn']);

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
export function morningOf(date: string, context: RuleContext): string {
  return iso(zonedInstant(date, context.settings.morningTime, context.timeZone));
}

/** The user's morning `days` calendar days after the day of `instant`. */
export function morningAfter(instant: string, days: number, context: RuleContext): string {
  return morningOf(addDays(localDate(new Date(instant), context.timeZone), days), context);
}

export function openingName(opening: OpeningFact): string {
  return `${opening.role} at ${opening.companyName}`;
}
