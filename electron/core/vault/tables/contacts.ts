import type { z } from 'zod';
import { CARD_MIME_TYPES, type Card, type Contact, type contactPatchSchema } from '#shared/domain/contact';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS } from '#shared/domain/fields';
import { choice, createdAt, id, integer, reference, text, trashedAt, updatedAt, url } from './column';
import { companiesTable } from './companies';
import type { MarkdownFormat } from './formats';
import { sameFields, sameKeys, table, type EditableKey, type Row } from './table';

export const contactsTable = table(
  'contacts',
  'p',
  {
    id: id(),
    name: text().editable(),
    title: text().nullable().editable(),
    companyId: reference('companyName').nullable().editable(),
    email: text().nullable().editable(),
    phone: text().nullable().editable(),
    linkedinUrl: url().nullable().editable(),
    preferredChannel: choice(CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS).nullable().editable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'companyId', table: () => companiesTable, optional: true }] },
);

sameFields<Row<typeof contactsTable>, Omit<Contact, 'companyName'>>();
sameKeys<EditableKey<typeof contactsTable>, Exclude<keyof z.output<typeof contactPatchSchema>, 'id' | 'companyName'> | 'companyId'>();

/** contacts/*.md in the whole-vault export (their card photos follow in the body). */
export const contactMarkdown: MarkdownFormat<typeof contactsTable> = {
  frontMatter: {
    id: 'id',
    name: 'name',
    title: 'title',
    companyId: 'company',
    email: 'email',
    phone: 'phone',
    linkedinUrl: 'linkedin',
    createdAt: 'created',
    updatedAt: 'updated',
    preferredChannel: null,
    deletedAt: null,
  },
};

/** Business-card photos: the image is in the attachments folder under file_name, chosen by Afterview (never the user's). */
export const cardsTable = table(
  'cards',
  'k',
  {
    id: id(),
    contactId: reference(),
    fileName: text().notInRow(),
    originalName: text(),
    mimeType: choice(CARD_MIME_TYPES),
    size: integer(),
    createdAt: createdAt(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'contactId', table: () => contactsTable }] },
);

sameFields<Row<typeof cardsTable>, Card>();
