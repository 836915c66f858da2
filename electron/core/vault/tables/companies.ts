import type { z } from 'zod';
import type { Company, companyPatchSchema } from '#shared/domain/company';
import { createdAt, id, text, updatedAt, url } from './column';
import type { MarkdownFormat } from './formats';
import { sameFields, sameKeys, table, type EditableKey, type Row } from './table';

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
/** What the user may change is what a patch may carry (the name's key follows the name). */
sameKeys<EditableKey<typeof companiesTable>, Exclude<keyof z.output<typeof companyPatchSchema>, 'id'> | 'nameKey'>();

/** companies/*.md in the whole-vault export. */
export const companyMarkdown: MarkdownFormat<typeof companiesTable> = {
  frontMatter: { id: 'id', name: 'name', website: 'website', createdAt: 'created', updatedAt: 'updated', nameKey: null },
};
