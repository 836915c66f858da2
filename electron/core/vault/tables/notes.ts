import { NOTE_PARENTS, type DocNode, type Note } from '#shared/domain/note';
import { choice, createdAt, id, integer, json, reference, text, trashedAt, updatedAt } from './column';
import { companiesTable } from './companies';
import { contactsTable } from './contacts';
import { interviewsTable } from './interviews';
import { openingsTable } from './openings';
import type { MarkdownFormat } from './formats';
import { sameFields, table, type Row } from './table';

/** Rich-text notes on an opening, an interview, a company or a contact: TipTap JSON, and its plain text for search. */
export const notesTable = table(
  'notes',
  'n',
  {
    id: id(),
    parentType: choice(NOTE_PARENTS),
    // No foreign key: the parent lives in one of four tables; triggers clean up.
    parentId: reference(),
    title: text().editable(),
    doc: json<DocNode>().editable(),
    plainText: text().defaultsTo('').editable().notInRow(),
    revision: integer().defaultsTo(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: trashedAt(),
  },
  {
    parentOfType: {
      typeColumn: 'parentType',
      idColumn: 'parentId',
      tables: { opening: () => openingsTable, interview: () => interviewsTable, company: () => companiesTable, contact: () => contactsTable },
    },
  },
);

sameFields<Row<typeof notesTable>, Note>();

/** notes/*.md in the whole-vault export: what the note is attached to, each with its id and name, is computed. */
export const noteMarkdown: MarkdownFormat<typeof notesTable, 'opening' | 'interview' | 'company' | 'contact'> = {
  frontMatter: {
    id: 'id',
    title: 'title',
    createdAt: 'created',
    updatedAt: 'updated',
    parentType: 'attached_to',
    opening: 'opening',
    interview: 'interview',
    company: 'company',
    contact: 'contact',
    parentId: null,
    doc: null,
    plainText: null,
    revision: null,
    deletedAt: null,
  },
};
