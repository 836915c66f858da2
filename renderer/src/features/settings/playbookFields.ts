import type { z } from 'zod';
import { DEFAULT_PLAYBOOK, playbookSettingsSchema, type PlaybookSettings } from '#shared/domain/playbook';

export type NumberKey = { [K in keyof PlaybookSettings]: PlaybookSettings[K] extends number ? K : never }[keyof PlaybookSettings];

interface Unit {
  one: string;
  other: string;
}
const HOURS: Unit = { one: 'hour', other: 'hours' };
const DAYS: Unit = { one: 'day', other: 'days' };

export interface NumberFieldSpec {
  key: NumberKey;
  label: string;
  unit: Unit;
  hint: string;
}

export interface PlaybookGroup {
  title: string;
  fields: NumberFieldSpec[];
}

/** Every number in the playbook, grouped as the advice runs, each with a label a person would use. */
export const PLAYBOOK_GROUPS: PlaybookGroup[] = [
  {
    title: 'Debrief',
    fields: [
      { key: 'debriefFirstReminderHours', label: 'First debrief reminder', unit: HOURS, hint: 'After the interview ends; 0 means as soon as it ends.' },
      { key: 'debriefRepeatHours', label: 'Debrief reminder repeats every', unit: HOURS, hint: 'Until the debrief is filled in.' },
    ],
  },
  {
    title: 'Thank-you notes',
    fields: [
      { key: 'thankYouNudgeHours', label: 'Thank-you nudge', unit: HOURS, hint: 'A gentle reminder, counted from the end of the interview.' },
      { key: 'thankYouWarningHours', label: 'Thank-you warning', unit: HOURS, hint: 'A firmer reminder as time runs short.' },
      { key: 'thankYouDeadlineHours', label: 'Thank-you deadline', unit: HOURS, hint: 'After this the note counts as overdue.' },
      { key: 'letterMailByDays', label: 'Post a handwritten copy within', unit: DAYS, hint: 'For the letters you also send by post.' },
    ],
  },
  {
    title: 'Follow-ups',
    fields: [
      { key: 'followUpDaysAfterNotifyDate', label: 'Follow up after the promised answer date', unit: DAYS, hint: 'When they told you when you would hear back.' },
      { key: 'followUpDaysAfterInterview', label: 'Follow up after the last interview', unit: DAYS, hint: 'When no answer date was given.' },
      { key: 'followUpCooldownDays', label: 'Wait between follow-ups', unit: DAYS, hint: 'Afterview warns you before a sooner one.' },
      { key: 'maxUnansweredFollowUps', label: 'Unanswered follow-ups at most', unit: { one: 'follow-up', other: 'follow-ups' }, hint: 'After that, it suggests moving on instead.' },
    ],
  },
  {
    title: 'Moving on',
    fields: [
      { key: 'moveOnAfterSilenceDays', label: 'Suggest moving on after a silence of', unit: DAYS, hint: 'Counted from your last unanswered follow-up.' },
      { key: 'revisitAfterMonths', label: 'Look back at a quiet opening after', unit: { one: 'month', other: 'months' }, hint: 'Some employers come back long after going quiet.' },
    ],
  },
  {
    title: 'After a rejection',
    fields: [
      { key: 'rejectionDraftHours', label: 'Reply to a rejection within', unit: HOURS, hint: 'A short, gracious thank-you.' },
      { key: 'stayInTouchEveryDays', label: 'Stay in touch every', unit: DAYS, hint: 'With the people you met there.' },
      { key: 'stayInTouchTimes', label: 'Stay-in-touch reminders', unit: { one: 'time', other: 'times' }, hint: '0 turns them off.' },
    ],
  },
  {
    title: 'References',
    fields: [
      { key: 'minGrantedReferences', label: 'References ready before interviews', unit: { one: 'reference', other: 'references' }, hint: 'Afterview warns when fewer have said yes.' },
    ],
  },
];

export const NUMBER_KEYS: NumberKey[] = PLAYBOOK_GROUPS.flatMap((group) => group.fields.map((field) => field.key));

export interface Bounds {
  min: number;
  max: number;
  integer: boolean;
}

/** A field's limits, read from the same schema the core checks against. */
export function boundsOf(key: NumberKey): Bounds {
  const number = (playbookSettingsSchema.shape[key] as z.ZodDefault<z.ZodNumber>).unwrap();
  return { min: number.minValue ?? 0, max: number.maxValue ?? Number.MAX_SAFE_INTEGER, integer: number.isInt };
}

export function withUnit(value: number, unit: Unit): string {
  return `${value} ${value === 1 ? unit.one : unit.other}`;
}

export function defaultText(spec: NumberFieldSpec): string {
  return `Default: ${withUnit(DEFAULT_PLAYBOOK[spec.key], spec.unit)}.`;
}

/** What is wrong with a typed value, in words; undefined when it is fine. */
export function numberProblem(spec: NumberFieldSpec, raw: string): string | undefined {
  const { min, max, integer } = boundsOf(spec.key);
  const text = raw.trim();
  if (text === '') return `Enter a number of ${spec.unit.other}, from ${min} to ${max}.`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `Enter a number, such as ${DEFAULT_PLAYBOOK[spec.key]}.`;
  if (integer && !Number.isInteger(value)) return `Use a whole number of ${spec.unit.other}.`;
  if (value < min || value > max) return `Choose from ${min} to ${withUnit(max, spec.unit)}.`;
  return undefined;
}

/** Timings that only make sense in order: a reminder after the deadline would arrive too late. */
export function orderProblems(values: Partial<Record<NumberKey, number>>): Partial<Record<NumberKey, string>> {
  const problems: Partial<Record<NumberKey, string>> = {};
  const deadline = values.thankYouDeadlineHours;
  if (deadline === undefined) return problems;
  if (values.thankYouNudgeHours !== undefined && values.thankYouNudgeHours >= deadline) problems.thankYouNudgeHours = `The nudge should come before the deadline (${withUnit(deadline, HOURS)}).`;
  if (values.thankYouWarningHours !== undefined && values.thankYouWarningHours >= deadline) problems.thankYouWarningHours = `The warning should come before the deadline (${withUnit(deadline, HOURS)}).`;
  return problems;
}
