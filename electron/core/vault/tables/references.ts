import { CONTACT_CHANNELS } from '#shared/domain/fields';
import type { DocNode } from '#shared/domain/note';
import { REFERENCE_PERMISSIONS, REFERENCE_PERMISSION_LABELS, type Reference, type ReferencePatch, type ReferenceUse } from '#shared/domain/reference';
import { choice, createdAt, id, instant, integer, json, reference, text, trashedAt, updatedAt } from './column';
import { openingsTable } from './openings';
import type { MarkdownFormat } from './formats';
import { sameFields, sameKeys, table, type EditableKey, type Row } from './table';

/** The people who vouch for the user, and whether they said yes. */
export const referencesTable = table('references', 'r', {
  id: id(),
  contactId: reference().nullable().editable(),
  name: text().editable(),
  relationship: text().nullable().editable(),
  email: text().nullable().editable(),
  phone: text().nullable().editable(),
  permission: choice(REFERENCE_PERMISSIONS, REFERENCE_PERMISSION_LABELS).defaultsTo('not_asked').editable(),
  /** Stamped by a change of permission, never typed. */
  askedAt: instant().nullable(),
  answeredAt: instant().nullable(),
  notes: text().nullable().editable(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: trashedAt(),
});

sameFields<Row<typeof referencesTable>, Reference>();
sameKeys<EditableKey<typeof referencesTable>, Exclude<keyof ReferencePatch, 'id'>>();

/** A reference used for an opening: the brief sent to them, and the thanks once the process ended. */
export const openingReferencesTable = table(
  'opening_references',
  'x',
  {
    openingId: reference().key(),
    referenceId: reference().key(),
    /** The brief is read on its own (the brief page), never with the list of uses. */
    briefDoc: json<DocNode>().notInRow(),
    briefText: text().defaultsTo('').notInRow(),
    briefRevision: integer().defaultsTo(0),
    briefedAt: instant().nullable(),
    briefChannel: choice(CONTACT_CHANNELS).nullable(),
    thankedAt: instant().nullable(),
    createdAt: createdAt().notInRow(),
    updatedAt: updatedAt().notInRow(),
  },
  {
    parents: [
      { column: 'openingId', table: () => openingsTable },
      { column: 'referenceId', table: () => referencesTable },
    ],
  },
);

/** A use as the app sees it, less its opening's names and stage (joined). */
sameFields<Row<typeof openingReferencesTable>, Omit<ReferenceUse, 'role' | 'companyName' | 'stage'>>();

/** briefs/*.md in the whole-vault export: `company` is its opening's, computed. */
export const briefMarkdown: MarkdownFormat<typeof openingReferencesTable, 'company'> = {
  frontMatter: {
    referenceId: 'reference',
    openingId: 'opening',
    company: 'company',
    briefedAt: 'sent',
    updatedAt: 'updated',
    briefDoc: null,
    briefText: null,
    briefRevision: null,
    briefChannel: null,
    thankedAt: null,
    createdAt: null,
  },
};
