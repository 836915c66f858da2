import type { Brief, ExportedFile, ExportFormat } from '../../../shared/domain/reference';
import { AppError } from '../errors';
import { docToDocx } from './doc-docx';
import { docToHtml, escapeHtml } from './doc-html';
import { docToMarkdown } from './doc-markdown';
import { safeFileName } from './file-name';
import { PRINT_CSP, type Printer } from './printer';

/** A print-ready reference brief: the subject as a title, then the brief. */
export function briefHtml(brief: Brief): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">
<title>${escapeHtml(brief.subject)}</title>
<style>
  @page { size: A4; margin: 22mm 22mm 20mm 22mm; }
  html { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: 11pt; line-height: 1.5; color: #111; }
  body { margin: 0; }
  .meta { color: #555; margin-bottom: 8mm; }
  h1 { font-size: 1.3em; margin: 0 0 2mm; }
  .body p { margin: 0 0 0.8em; }
  .body h1, .body h2, .body h3 { font-size: 1.05em; margin: 1.1em 0 0.4em; }
  .body ul, .body ol { margin: 0 0 0.8em 1.2em; padding: 0; }
  .body blockquote { margin: 0 0 0.8em 1em; font-style: italic; }
  .body a { color: inherit; }
</style>
</head>
<body>
  <h1>${escapeHtml(brief.subject)}</h1>
  <div class="meta">For ${escapeHtml(brief.reference.name)}</div>
  <div class="body">${docToHtml(brief.doc)}</div>
</body>
</html>`;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
};
const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', docx: 'docx', markdown: 'md' };

/** The brief as a file to download: PDF through the printer, Word, or Markdown. */
export async function exportBrief(printer: Printer | undefined, brief: Brief, format: ExportFormat): Promise<ExportedFile> {
  const fileName = safeFileName(`Reference brief - ${brief.reference.name} - ${brief.companyName}`, EXTENSIONS[format]);
  let data: Buffer;
  if (format === 'pdf') {
    if (!printer) {
      throw new AppError('VAULT_UNAVAILABLE', 'Printing to PDF is not available in this window. Download it as Word or Markdown instead, or open Afterview as a desktop app.');
    }
    data = await printer.pdf(briefHtml(brief));
  } else if (format === 'docx') {
    data = await docToDocx(brief.doc, brief.subject);
  } else {
    data = Buffer.from(`# ${brief.subject}\n\n${docToMarkdown(brief.doc)}`, 'utf8');
  }
  return { fileName, mimeType: MIME[format], dataBase64: data.toString('base64') };
}
