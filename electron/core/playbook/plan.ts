import type { DueItem, PlaybookSettings } from '../../../shared/domain/playbook';
import type { RuleContext } from './context';
import { indexFacts } from './fact-index';
import type { PlaybookFacts } from './facts';
import { linkedInRule, revisitRule, stayInTouchRule } from './rules/after-close';
import { followUpRule, moveOnRule } from './rules/follow-up';
import { debriefRule } from './rules/interviews';
import { letterMailRule, lettersRule } from './rules/letters';
import { referenceBriefRule, referencesLowRule, referenceThanksRule } from './rules/references';

const RULES = [debriefRule, lettersRule, letterMailRule, followUpRule, moveOnRule, revisitRule, stayInTouchRule, linkedInRule, referencesLowRule, referenceBriefRule, referenceThanksRule];

/**
 * Everything the playbook says is due, from the vault's facts: pure, so the
 * scheduler can re-plan on any change and tests can drive it with any clock.
 * Sorted by due time; each item's alerts ascending and never before it is due.
 */
export function planReminders(facts: PlaybookFacts, settings: PlaybookSettings, now: Date, timeZone: string): DueItem[] {
  const context: RuleContext = { facts, index: indexFacts(facts), settings, now, timeZone };
  return RULES.flatMap((rule) => rule(context))
    .map((item) => ({ ...item, alerts: [...new Set(item.alerts.filter((alert) => alert >= item.dueAt))].sort() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}
