import { z } from 'zod';
import { idSchema } from './fields';

/** The formats one document (a letter, a note, a brief, a prep sheet) can be saved in. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'markdown', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const documentFormatSchema = z.enum(DOCUMENT_FORMATS, { error: 'Format is one of pdf, docx, markdown or html.' });

/** What each format is called in menus. */
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  markdown: 'Markdown',
  html: 'Web page (HTML)',
};

export const DOCUMENT_MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  html: 'text/html',
};

export const DOCUMENT_EXTENSIONS: Record<DocumentFormat, string> = { pdf: 'pdf', docx: 'docx', markdown: 'md', html: 'html' };

/** Input of the channels that export one item by id. */
export const exportByIdSchema = z.object({ id: idSchema, format: documentFormatSchema }).strict();

/** A file made by the core, handed to the renderer to save. */
export const exportedFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;
