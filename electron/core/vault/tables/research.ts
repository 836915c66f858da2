import type { z } from 'zod';
import type { researchEntryPatchSchema, ResearchEntry } from '#shared/domain/company';
import { createdAt, date, id, reference, text, trashedAt, updatedAt, url } from './column';
import { companiesTable } from './companies';
import { sameFields, sameKeys, table, type EditableKey, type Row } from './table';

/** The company research log: dated entries of what the user read or heard, and where. */
export const researchTable = table(
  'research_entries',
  'r',
  {
    id: id(),
    companyId: reference(),
    occurredOn: date().editable(),
    title: text().editable(),
    sourceUrl: url().nullable().editable(),
    summary: text().defaultsTo('').editable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'companyId', table: () => companiesTable }] },
);

sameFields<Row<typeof researchTable>, ResearchEntry>();
sameKeys<EditableKey<typeof researchTable>, Exclude<keyof z.output<typeof researchEntryPatchSchema>, 'id'>>();
