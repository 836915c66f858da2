import { CLOSED_STAGES, STAGES, type OpeningSummary, type Stage } from '#shared/domain/opening';
import type { NextAction, PipelineRow } from '#shared/domain/pipeline';

export const SORTS = ['changed', 'nextAction', 'nextInterview', 'company', 'role', 'created'] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABELS: Record<Sort, string> = {
  changed: 'Recently changed',
  nextAction: 'Next action due',
  nextInterview: 'Next interview',
  company: 'Company (A–Z)',
  role: 'Role (A–Z)',
  created: 'Newest first',
};

export type View = 'list' | 'board';

export interface Filters {
  text: string;
  /** One stage, or every stage shown. */
  stage: Stage | 'all';
  showClosed: boolean;
}

export const NO_FILTERS: Filters = { text: '', stage: 'all', showClosed: false };

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** True when the filters hide something a fresh pipeline would show. */
export function isFiltering(filters: Filters): boolean {
  return filters.text.trim() !== '' || filters.stage !== 'all';
}

/** Case- and accent-insensitive. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

export function matches(opening: OpeningSummary, filters: Filters): boolean {
  if (filters.stage !== 'all') {
    if (opening.stage !== filters.stage) return false;
  } else if (!filters.showClosed && isClosed(opening.stage)) {
    return false;
  }
  const words = fold(filters.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([opening.role, opening.companyName, opening.location ?? ''].join(' '));
  return words.every((word) => haystack.includes(word));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Newest first; ISO instants compare as text. */
function byNewest(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** When the next action needs doing, as the core picked it: snoozed until, else its deadline, else its due time. */
function actionUrgency(action: NextAction | null): number {
  if (!action) return Number.POSITIVE_INFINITY;
  return Date.parse(action.snoozedUntil ?? action.deadlineAt ?? action.dueAt);
}

export function compareOpenings(sort: Sort, now: number): (a: PipelineRow, b: PipelineRow) => number {
  switch (sort) {
    case 'changed':
      return (a, b) => byNewest(a.updatedAt, b.updatedAt);
    case 'created':
      return (a, b) => byNewest(a.createdAt, b.createdAt);
    case 'company':
      return (a, b) => byText(a.companyName, b.companyName) || byText(a.role, b.role);
    case 'role':
      return (a, b) => byText(a.role, b.role) || byText(a.companyName, b.companyName);
    case 'nextAction':
      // The most pressing first; openings with nothing planned last.
      return (a, b) => actionUrgency(a.nextAction) - actionUrgency(b.nextAction) || byNewest(a.updatedAt, b.updatedAt);
    case 'nextInterview': {
      // Soonest upcoming first; openings without one after, by their last interview, then the rest.
      const key = (opening: OpeningSummary): number => {
        const next = opening.nextInterviewAt ? Date.parse(opening.nextInterviewAt) : NaN;
        if (!Number.isNaN(next) && next >= now - 3_600_000) return next;
        return Number.POSITIVE_INFINITY;
      };
      return (a, b) => key(a) - key(b) || byNewest(a.lastInterviewAt ?? '', b.lastInterviewAt ?? '') || byNewest(a.updatedAt, b.updatedAt);
    }
  }
}

export function visibleOpenings<T extends PipelineRow>(openings: T[], filters: Filters, sort: Sort, now: number): T[] {
  return openings.filter((opening) => matches(opening, filters)).sort(compareOpenings(sort, now));
}

/** The board's columns, in pipeline order. */
export function boardStages(filters: Filters): Stage[] {
  if (filters.stage !== 'all') return [filters.stage];
  return STAGES.filter((stage) => filters.showClosed || !isClosed(stage));
}

const VIEW_KEY = 'afterview.pipeline.view';
const SORT_KEY = 'afterview.pipeline.sort';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full disk: the choice just isn't remembered.
  }
}

export function loadView(): View {
  return readStorage(VIEW_KEY) === 'board' ? 'board' : 'list';
}
export function saveView(view: View): void {
  writeStorage(VIEW_KEY, view);
}
export function loadSort(): Sort {
  const stored = readStorage(SORT_KEY);
  return SORTS.includes(stored as Sort) ? (stored as Sort) : 'changed';
}
export function saveSort(sort: Sort): void {
  writeStorage(SORT_KEY, sort);
}
