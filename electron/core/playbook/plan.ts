import type { DueItem, PlaybookSettings } from '#shared/domain/playbook';
import { planClock, type RuleContext } from './context';
import { indexFacts } from './fact-index';
import type { PlaybookFacts } from './facts';
import { linkedInRule, revisitRule, stayInTouchRule } from './rules/after-close';
import { followUpRule, moveOnRule } from './rules/follow-up';
import { debriefRule } from './rules/interviews';
import { letterMailRule, lettersRule } from './rules/letters';
import { referenceBriefRule, referencesLowRule, referenceThanksRule } from './rules/references';

const RULES = [debriefRule, lettersRule, letterMailRule, followUpRule, moveOnRule, revisitRule, stayInTouchRule, linkedInRule, referencesLowRule, referenceBriefRule, referenceThanksRule];

export interface Plan {
  items: DueItem[];
  /**
   * The first instant after `now` at which the same facts, settings and zone
   * could plan differently (an interview ends or starts), or null if never:
   * until then the plan holds however the clock moves.
   */
  changesAt: string | null;
}

/**
 * Everything the playbook says is due, from the vault's facts, and until when
 * that answer holds: pure, so the scheduler can re-plan on any change and
 * tests can drive it with any clock. Sorted by due time; each item's alerts
 * ascending and never before it is due.
 */
export function makePlan(facts: PlaybookFacts, settings: PlaybookSettings, now: Date, timeZone: string): Plan {
  const clock = planClock(now);
  const context: RuleContext = { facts, index: indexFacts(facts), settings, hasPassed: clock.hasPassed, timeZone };
  const items = RULES.flatMap((rule) => rule(context))
    .map((item) => ({ ...item, alerts: [...new Set(item.alerts.filter((alert) => alert >= item.dueAt))].sort() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
  return { items, changesAt: clock.changesAt() };
}

/** The plan's items alone. */
export function planReminders(facts: PlaybookFacts, settings: PlaybookSettings, now: Date, timeZone: string): DueItem[] {
  return makePlan(facts, settings, now, timeZone).items;
}
