import { z } from 'zod';
import {
  briefExportSchema,
  briefMarkSentSchema,
  briefMarkThankedSchema,
  briefSaveSchema,
  briefSchema,
  newReferenceSchema,
  referenceLinkSchema,
  referencePatchSchema,
  referenceUseSchema,
  referenceWithUsesSchema,
} from '#shared/domain/reference';
import { exportedFileSchema } from '#shared/domain/document-export';
import { noteSavedSchema } from '#shared/domain/note';
import { deletedSchema } from '#shared/domain/trash';
import { byId } from '../by-id';

export const referenceChannels = {
  /** Every reference with the openings it is used for, by name; filtered to one opening when asked. */
  'references.list': { effect: 'reads', input: z.object({ openingId: z.uuid().optional() }).strict().optional(), output: z.array(referenceWithUsesSchema) },
  'references.get': { effect: 'reads', input: byId, output: referenceWithUsesSchema },
  'references.create': { effect: 'writes', input: newReferenceSchema, output: referenceWithUsesSchema },
  /** A change of permission stamps when it was asked or answered. */
  'references.update': { effect: 'writes', input: referencePatchSchema, output: referenceWithUsesSchema },
  'references.delete': { effect: 'writes', input: byId, output: deletedSchema },
  /** Uses the reference for the opening and drafts its brief from the built-in template. */
  'references.attach': { effect: 'writes', input: referenceLinkSchema, output: referenceUseSchema },
  'references.detach': { effect: 'writes', input: referenceLinkSchema, output: referenceLinkSchema },
  'references.brief.get': { effect: 'reads', input: referenceLinkSchema, output: briefSchema },
  'references.brief.save': { effect: 'writes', input: briefSaveSchema, output: noteSavedSchema },
  /** Records the brief as sent and logs the touchpoint. */
  'references.brief.markSent': { effect: 'writes', input: briefMarkSentSchema, output: referenceUseSchema },
  'references.brief.markThanked': { effect: 'writes', input: briefMarkThankedSchema, output: referenceUseSchema },
  /** The brief as a PDF, Word, Markdown or HTML file. */
  'references.brief.export': { effect: 'reads', input: briefExportSchema, output: exportedFileSchema },
} as const;
