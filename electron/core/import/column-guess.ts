import { IMPORT_FIELDS, type ImportField } from '#shared/domain/csv-import';
import { foldText } from './cell-values';

/** Header names other trackers and spreadsheets use, folded (lower case, no accents or punctuation). */
const NAMES: Record<ImportField, { exact: string[]; containing: string[] }> = {
  companyName: {
    exact: ['company', 'company name', 'employer', 'employer name', 'organisation', 'organization', 'org', 'firm', 'business', 'unternehmen', 'entreprise', 'empresa'],
    containing: ['company', 'employer', 'organisation', 'organization'],
  },
  role: {
    exact: ['role', 'position', 'job title', 'title', 'job', 'position title', 'role title', 'job role', 'job position', 'vacancy', 'poste', 'stelle'],
    containing: ['job title', 'position', 'role'],
  },
  stage: {
    exact: ['stage', 'status', 'application status', 'state', 'pipeline stage', 'progress'],
    containing: ['status', 'stage'],
  },
  appliedOn: {
    exact: ['applied', 'date applied', 'applied on', 'applied date', 'application date', 'date of application', 'date', 'submitted', 'date submitted'],
    containing: ['applied', 'application date'],
  },
  source: {
    exact: ['source', 'found via', 'found on', 'where found', 'via', 'job board', 'platform', 'referral', 'referral source', 'lead source'],
    containing: ['source', 'found'],
  },
  jobUrl: {
    exact: ['url', 'link', 'job url', 'job link', 'posting', 'job posting', 'posting url', 'listing', 'listing url', 'ad', 'job ad', 'posting link'],
    containing: ['url', 'link', 'posting'],
  },
  location: {
    exact: ['location', 'city', 'place', 'office', 'where', 'job location', 'ort', 'lieu'],
    containing: ['location'],
  },
  salary: {
    exact: ['salary', 'pay', 'compensation', 'salary range', 'base', 'base salary', 'comp', 'wage', 'expected salary'],
    containing: ['salary', 'compensation'],
  },
  salaryCurrency: {
    exact: ['currency', 'salary currency', 'ccy'],
    containing: ['currency'],
  },
  notes: {
    exact: ['notes', 'note', 'comments', 'comment', 'description', 'details', 'remarks', 'memo'],
    containing: ['note', 'comment'],
  },
};

function score(field: ImportField, header: string): number {
  const folded = foldText(header);
  if (folded === '') return 0;
  const names = NAMES[field];
  if (names.exact.includes(folded)) return 2;
  const padded = ` ${folded} `;
  return names.containing.some((name) => padded.includes(` ${name} `) || padded.includes(` ${name}s `)) ? 1 : 0;
}

/**
 * A first mapping from the header names: an exact name beats one that only
 * contains a known word; each column fills one field at most; the leftmost
 * column wins a tie. The user can change every choice.
 */
export function guessColumns(headers: readonly string[]): Record<ImportField, number | null> {
  const guess = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as Record<ImportField, number | null>;
  const taken = new Set<number>();
  // Exact names first across all fields, so "Job title" is the role before any field settles for a partial match.
  for (const wanted of [2, 1]) {
    for (const field of IMPORT_FIELDS) {
      if (guess[field] !== null) continue;
      const index = headers.findIndex((header, column) => !taken.has(column) && score(field, header) === wanted);
      if (index !== -1) {
        guess[field] = index;
        taken.add(index);
      }
    }
  }
  return guess;
}
