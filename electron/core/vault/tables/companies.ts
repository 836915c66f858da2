import type { Company } from '#shared/domain/company';
import { createdAt, id, text, updatedAt, url } from './column';
import { sameFields, table, type Row } from './table';

/** Companies are never put in the trash: an opening or a contact may always name one. */
export const companiesTable = table('companies', 'c', {
  id: id(),
  name: text().editable(),
  /** Case- and space-insensitive, so "Acme" and " acme " are one company. */
  nameKey: text().editable().notInRow(),
  website: url().nullable().editable(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

sameFields<Omit<Row<typeof companiesTable>, 'createdAt' | 'updatedAt'>, Omit<Company, 'openingCount' | 'contactCount'>>();
