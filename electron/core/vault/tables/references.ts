import { CONTACT_CHANNELS } from '#shared/domain/fields';
import type { DocNode } from '#shared/domain/note';
import { REFERENCE_PERMISSIONS, REFERENCE_PERMISSION_LABELS, type Reference, type ReferenceUse } from '#shared/domain/reference';
import { choice, createdAt, id, instant, integer, json, reference, text, trashedAt, updatedAt } from './column';
import { openingsTable } from './openings';
import { sameFields, table, type Row } from './table';

/** The people who vouch for the user, and whether they said yes. */
export const referencesTable = table('references', 'r', {
  id: id(),
  contactId: reference().nullable(),
  name: text(),
  relationship: text().nullable(),
  email: text().nullable(),
  phone: text().nullable(),
  permission: choice(REFERENCE_PERMISSIONS, REFERENCE_PERMISSION_LABELS).defaultsTo('not_asked'),
  askedAt: instant().nullable(),
  answeredAt: instant().nullable(),
  notes: text().nullable(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: trashedAt(),
});

sameFields<Row<typeof referencesTable>, Reference>();

/** A reference used for an opening: the brief sent to them, and the thanks once the process ended. */
export const openingReferencesTable = table(
  'opening_references',
  'x',
  {
    openingId: reference().key(),
    referenceId: reference().key(),
    briefDoc: json<DocNode>(),
    briefText: text().defaultsTo(''),
    briefRevision: integer().defaultsTo(0),
    briefedAt: instant().nullable(),
    briefChannel: choice(CONTACT_CHANNELS).nullable(),
    thankedAt: instant().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  {
    parents: [
      { column: 'openingId', table: () => openingsTable },
      { column: 'referenceId', table: () => referencesTable },
    ],
  },
);

sameFields<
  Pick<Row<typeof openingReferencesTable>, 'openingId' | 'referenceId' | 'briefedAt' | 'briefChannel' | 'thankedAt' | 'briefRevision'>,
  Omit<ReferenceUse, 'role' | 'companyName' | 'stage'>
>();
