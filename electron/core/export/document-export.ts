import { DOCUMENT_EXTENSIONS, DOCUMENT_MIME_TYPES, type DocumentFormat, type ExportedFile } from '#shared/domain/document-export';
import type { DocNode } from '#shared/domain/note';
import { AppError } from '../errors';
import { docToHtml, escapeHtml } from './doc-html';
import { docToMarkdown } from './doc-markdown';
import { documentTypeCss } from './document-fonts';
import { safeFileName } from './file-name';
import { PRINT_CSP, type Printer } from './printer';

/** One document as every export format sees it: a letter, a note, a reference brief, a prep sheet. */
export interface ExportableDocument {
  /** The file's name before its extension, e.g. "Reference brief - Dana Lee - Northwind". */
  fileStem: string;
  title: string;
  /** Short lines under the title: who it is for, what it belongs to, when. */
  subtitle: string[];
  body: DocNode;
  /** A print layout of its own (a letter on letter paper); otherwise the standard page. */
  printHtml?: string;
}

/** The title, the lines under it and the body as one document, for the formats that have no page furniture. */
export function wholeDoc(document: ExportableDocument): DocNode {
  const line = (text: string): DocNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: document.title ? [{ type: 'text', text: document.title }] : [] },
      ...document.subtitle.filter(Boolean).map((text) => ({ ...line(text), content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] })),
      ...(document.body.content ?? []),
    ],
  };
}

/**
 * The standard page: self-contained (inline styles, no script, no outside
 * resource) under a policy that forbids anything else, so the same file is
 * safe to print, to save as a web page and to open in any browser.
 */
export function documentHtml(document: ExportableDocument): string {
  const title = escapeHtml(document.title);
  const meta = document.subtitle.filter(Boolean).map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('\n    ');
  const body = docToHtml(document.body);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Afterview">
<title>${title}</title>
<style>
  ${documentTypeCss('sans', title + meta + body)}
  @page { size: A4; margin: 22mm 22mm 20mm 22mm; }
  html { font-size: 11pt; line-height: 1.5; color: #111; }
  body { margin: 0 auto; max-width: 46em; }
  @media screen { body { padding: 2em 1.5em; } }
  .meta { color: #555; margin: 0 0 1mm; }
  header { margin-bottom: 8mm; }
  h1 { font-size: 1.4em; margin: 0 0 2mm; }
  .body h1 { font-size: 1.25em; margin: 1.4em 0 0.4em; }
  .body h2 { font-size: 1.15em; margin: 1.3em 0 0.4em; border-bottom: 1px solid #ccc; padding-bottom: 1mm; }
  .body h3, .body h4, .body h5, .body h6 { font-size: 1.02em; margin: 1.1em 0 0.3em; }
  .body p { margin: 0 0 0.8em; }
  .body ul, .body ol { margin: 0 0 0.8em 1.2em; padding: 0; }
  .body li > p { margin: 0 0 0.25em; }
  .body blockquote { margin: 0 0 0.8em 1em; font-style: italic; }
  .body pre { white-space: pre-wrap; font-size: 0.92em; }
  .body a { color: inherit; }
  .tasks { list-style: none; margin-left: 0; }
  h1, h2, h3 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
</style>
</head>
<body>
  <header>
    <h1>${title}</h1>
    ${meta}
  </header>
  <div class="body">${body}</div>
</body>
</html>`;
}

export const NO_PRINTER_MESSAGE = 'Printing to PDF is not available in this window. Save it as Word, Markdown or a web page instead, or open Afterview as a desktop app.';

async function bytesOf(printer: Printer | undefined, document: ExportableDocument, format: DocumentFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      if (!printer) throw new AppError('VAULT_UNAVAILABLE', NO_PRINTER_MESSAGE);
      return printer.pdf(document.printHtml ?? documentHtml(document));
    case 'docx':
      // Loaded on the first Word export: the docx library weighs about 16 MB in a process that may never need it.
      return (await import('./doc-docx')).docToDocx(wholeDoc(document), document.title);
    case 'markdown':
      return Buffer.from(docToMarkdown(wholeDoc(document)), 'utf8');
    case 'html':
      return Buffer.from(document.printHtml ?? documentHtml(document), 'utf8');
    default:
      throw new AppError('INVALID_INPUT', 'Format is one of pdf, docx, markdown or html.', 'format');
  }
}

/** The document as a file to save, in any of the formats, with a name every system accepts. */
export async function exportDocument(printer: Printer | undefined, document: ExportableDocument, format: DocumentFormat): Promise<ExportedFile> {
  const data = await bytesOf(printer, document, format);
  return { fileName: safeFileName(document.fileStem, DOCUMENT_EXTENSIONS[format]), mimeType: DOCUMENT_MIME_TYPES[format], dataBase64: data.toString('base64') };
}
