import { exportByIdSchema, exportedFileSchema } from '../../domain/document-export';
import { newNoteSchema, noteSaveSchema, noteSavedSchema, noteSchema } from '../../domain/note';
import { deletedSchema } from '../../domain/trash';
import { byId } from '../by-id';

export const noteChannels = {
  'notes.create': { input: newNoteSchema, output: noteSchema },
  'notes.get': { input: byId, output: noteSchema },
  /** Durable when it answers: the core keeps the JSON and its plain text for search. */
  'notes.save': { input: noteSaveSchema, output: noteSavedSchema },
  'notes.delete': { input: byId, output: deletedSchema },
  /** The note as a PDF, Word, Markdown or HTML file. */
  'notes.export': { input: exportByIdSchema, output: exportedFileSchema },
} as const;
