import { exportByIdSchema, exportedFileSchema } from '#shared/domain/document-export';
import { newNoteSchema, noteSaveSchema, noteSavedSchema, noteSchema } from '#shared/domain/note';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';

export const noteChannels = {
  'notes.create': { effect: 'writes', input: newNoteSchema, output: noteSchema },
  'notes.get': { effect: 'reads', input: byId, output: noteSchema },
  /** Durable when it answers: the core keeps the JSON and its plain text for search. */
  'notes.save': { effect: 'writes', input: noteSaveSchema, output: noteSavedSchema },
  'notes.delete': { effect: 'writes', input: byId, output: deletedSchema },
  /** The note as a PDF, Word, Markdown or HTML file. */
  'notes.export': { effect: 'reads', input: exportByIdSchema, output: exportedFileSchema },
} as const;
