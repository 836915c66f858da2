import { daysInWords, hoursInWords, monthsInWords, timesInWords } from '#shared/domain/durations';
import { OUTCOME_STEPS, type Outcome } from '#shared/domain/outcome';
import type { PlaybookSettings } from '#shared/domain/playbook';

/** "every 30 days, 3 times": the stay-in-touch cadence as saved. */
export function stayInTouchWords(playbook: Pick<PlaybookSettings, 'stayInTouchEveryDays' | 'stayInTouchTimes'>): string {
  return `every ${daysInWords(playbook.stayInTouchEveryDays)}, ${timesInWords(playbook.stayInTouchTimes)}`;
}

/** What recording an outcome sets in motion, on the saved settings: the same table the reminders follow. */
export function outcomeStepsInWords(outcome: Outcome, playbook: PlaybookSettings): string[] {
  const steps = OUTCOME_STEPS[outcome];
  const words: string[] = [];
  if (steps.replyDraft) words.push(`A short, gracious reply to write, due within ${hoursInWords(playbook.rejectionDraftHours)}. It opens as soon as you record this.`);
  if (steps.stayInTouch && playbook.stayInTouchTimes > 0) words.push(`A reminder to check in with the people you met ${stayInTouchWords(playbook)}.`);
  if (steps.thankReferences) words.push('A reminder to thank each reference who agreed to vouch for you, and to tell them how it ended.');
  if (steps.liftLinkedInHold && playbook.linkedInHold) words.push('The LinkedIn hold lifts, with a reminder to connect with the people you met.');
  if (steps.revisit) words.push(`Follow-up reminders stop, and a reminder to look back comes in ${monthsInWords(playbook.revisitAfterMonths)}.`);
  if (words.length === 0) words.push('Nothing else changes: follow-ups and reference reminders carry on while you decide.');
  return words;
}
