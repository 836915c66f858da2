import type { DateOrder } from '#shared/domain/csv-import';
import { STAGE_LABELS, STAGES, type Stage } from '#shared/domain/opening';

/**
 * Reading one spreadsheet cell as an Afterview value. Each reader answers a
 * value or a reason the user can act on; none of them guesses.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });

/** Lower case, accents and punctuation gone, single spaces: "Date  applied:" → "date applied". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Other words trackers use for a stage. */
const STAGE_SYNONYMS: Record<string, Stage> = {
  interest: 'interested',
  saved: 'interested',
  wishlist: 'interested',
  bookmarked: 'interested',
  'to apply': 'interested',
  'applied online': 'applied',
  interview: 'interviewing',
  interviews: 'interviewing',
  offered: 'offer',
  'offer received': 'offer',
  'offer accepted': 'accepted',
  hired: 'accepted',
  'not selected': 'rejected',
  withdrew: 'withdrawn',
  'on hold': 'dormant',
};

/** Every word read as a stage, folded once. */
const STAGE_WORDS = new Map<string, Stage>([
  ...Object.entries(STAGE_SYNONYMS),
  ...STAGES.flatMap((stage): [string, Stage][] => [[stage, stage], [foldText(STAGE_LABELS[stage]), stage]]),
]);

export const ACCEPTED_STAGE_WORDS = STAGES.map((stage) => STAGE_LABELS[stage]).join(', ');

/** A stage by its name or label (any case), or a common synonym; empty means none. */
export function readStage(text: string): Read<Stage | null> {
  const folded = foldText(text);
  if (folded === '') return ok(null);
  const stage = STAGE_WORDS.get(folded);
  if (stage) return ok(stage);
  return no(`Stage “${clip(text)}” is not one Afterview knows. Use one of: ${ACCEPTED_STAGE_WORDS}.`);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES_SHOWN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthOf(word: string): number | null {
  const folded = word.toLocaleLowerCase('en').replace(/\.$/, '');
  if (folded.length < 3) return null;
  const index = MONTHS.findIndex((month) => month === folded || (folded.length >= 3 && month.startsWith(folded)) || (folded === 'sept' && month === 'september'));
  return index === -1 ? null : index + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?)[\s,-]+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+\.?)[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/;

/**
 * A calendar date: ISO (2026-03-01, with or without a time), 1 March 2026,
 * March 1, 2026, 1-Mar-2026, or numeric 01/03/2026. A numeric date that reads
 * both ways (03/04/2026) needs the date order; without it, it is refused.
 */
export function readDate(text: string, order: DateOrder, label: string): Read<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const notADate = () => no(`${label} “${clip(value)}” is not a date Afterview can read. Write it as 2026-03-01 or 1 March 2026.`);

  const iso = ISO.exec(value);
  if (iso) return orInvalid(isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), value, label);

  const named = DAY_MONTH_YEAR.exec(value) ?? MONTH_DAY_YEAR.exec(value);
  if (named) {
    const dayFirst = /^\d/.test(value);
    const month = monthOf(dayFirst ? named[2]! : named[1]!);
    const day = Number(dayFirst ? named[1] : named[2]);
    if (month === null) return notADate();
    return orInvalid(isoDate(Number(named[3]), month, day), value, label);
  }

  const numeric = NUMERIC.exec(value);
  if (!numeric) return notADate();
  if (numeric[3]!.length === 2) return no(`${label} “${clip(value)}” has a two-digit year. Write the year in full, e.g. 2026.`);
  const first = Number(numeric[1]);
  const second = Number(numeric[2]);
  const year = Number(numeric[3]);
  if (order === 'dmy') return orInvalid(isoDate(year, second, first), value, label, ' as day first');
  if (order === 'mdy') return orInvalid(isoDate(year, first, second), value, label, ' as month first');
  if (first === second) return orInvalid(isoDate(year, first, second), value, label);
  if (first > 12 && second <= 12) return orInvalid(isoDate(year, second, first), value, label);
  if (second > 12 && first <= 12) return orInvalid(isoDate(year, first, second), value, label);
  if (first > 12 && second > 12) return orInvalid(null, value, label);
  const asDayFirst = `${first} ${MONTH_NAMES_SHOWN[second - 1]}`;
  const asMonthFirst = `${MONTH_NAMES_SHOWN[first - 1]} ${second}`;
  return no(`${label} “${clip(value)}” could be ${asDayFirst} or ${asMonthFirst}. Choose the date order for this file, or write it as ${isoDate(year, first, second) ?? 'YYYY-MM-DD'}.`);
}

function orInvalid(iso: string | null, value: string, label: string, how = ''): Read<string | null> {
  return iso ? ok(iso) : no(`${label} “${clip(value)}” is not a real date${how}.`);
}

export interface Salary {
  min: number | null;
  max: number | null;
  currency: string | null;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD', '¥': 'JPY' };
const PERIOD = /(?:\/|\bper\s+|\ba\s+)(?:year|yr|annum)\b|\bp\.?\s?a\.?(?=\s|$)|\bannual(?:ly)?\b|\byearly\b/gi;
const SALARY_HELP = 'Write a number or a range, e.g. 85000, 85k or 80000–95000 EUR.';

/** One amount: 85000, 85,000, 85.000, 85 000, 85k, 85.5k. */
function readAmount(text: string, thousands: boolean): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (/^\d{1,3}(?:,\d{3})+$/.test(compact) || /^\d{1,3}(?:\.\d{3})+$/.test(compact)) return Number(compact.replace(/[.,]/g, '')) * (thousands ? 1000 : 1);
  const plain = /^(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!plain) return null;
  const amount = Number(`${plain[1]}.${plain[2] ?? '0'}`) * (thousands ? 1000 : 1);
  return Number.isInteger(amount) ? amount : null;
}

/** A salary or a range, with an optional currency code or symbol (€, £, $, ¥). */
export function readSalary(text: string): Read<Salary> {
  let rest = text.trim().replace(PERIOD, ' ');
  if (rest === '') return ok({ min: null, max: null, currency: null });
  let currency: string | null = null;
  const code = /(?:^|[^A-Za-z])([A-Za-z]{3})(?=$|[^A-Za-z])/.exec(rest);
  if (code && !/^k$/i.test(code[1]!)) {
    currency = code[1]!.toUpperCase();
    rest = rest.replace(code[1]!, ' ');
  }
  const symbols = [...rest.matchAll(/[€£$¥]/g)].map((match) => CURRENCY_SYMBOLS[match[0]]!);
  if (symbols.length > 0) {
    if (currency && symbols.some((symbol) => symbol !== currency)) return no(`Salary “${clip(text)}” names two currencies.`);
    currency = symbols[0]!;
    rest = rest.replace(/[€£$¥]/g, ' ');
  }
  rest = rest.trim();
  const parts = rest.split(/\s*(?:-|–|—|\bto\b)\s*/i);
  if (parts.length > 2 || parts.some((part) => part.trim() === '')) return no(`Salary “${clip(text)}” is not an amount Afterview can read. ${SALARY_HELP}`);
  // "80-95k": the k of the upper end counts for both.
  const sharedK = parts.length === 2 && /k$/i.test(parts[1]!.trim()) && !/k$/i.test(parts[0]!.trim());
  const amounts = parts.map((part) => {
    const trimmed = part.trim();
    const hasK = /k$/i.test(trimmed);
    return readAmount(hasK ? trimmed.slice(0, -1) : trimmed, hasK || sharedK);
  });
  if (amounts.some((amount) => amount === null)) return no(`Salary “${clip(text)}” is not an amount Afterview can read. ${SALARY_HELP}`);
  const [min, max] = amounts as number[];
  return ok({ min: min!, max: max ?? min!, currency });
}

/** A currency as a three-letter code (any case) or one of €, £, $, ¥; empty means none. */
export function readCurrency(text: string): Read<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  if (/^[A-Za-z]{3}$/.test(value)) return ok(value.toUpperCase());
  if (CURRENCY_SYMBOLS[value]) return ok(CURRENCY_SYMBOLS[value]);
  return no(`Currency “${clip(value)}” is not a three-letter code such as EUR or USD.`);
}

/** Long values are shortened in messages, so one bad cell cannot flood the list. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
