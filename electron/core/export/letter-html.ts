import type { DocNode } from '#shared/domain/note';
import { docToHtml, escapeHtml } from './doc-html';
import { documentTypeCss } from './document-fonts';
import { PRINT_CSP } from './printer';

export interface LetterPrintData {
  senderName: string;
  senderAddress: string;
  recipientName: string;
  recipientTitle: string | null;
  companyName: string;
  /** Already formatted for the user's locale, e.g. "12 March 2026". */
  dateLine: string;
  doc: DocNode;
}

/**
 * A print-ready letter on one A4 page: sender, date, recipient, body. Serif
 * type at letter size, generous margins, nothing that depends on the screen.
 */
export function letterHtml(data: LetterPrintData): string {
  const lines = (text: string) => text.split(/\r?\n/).filter(Boolean).map(escapeHtml).join('<br>');
  const body = docToHtml(data.doc);
  const everyWord = [data.senderName, data.senderAddress, data.recipientName, data.recipientTitle ?? '', data.companyName, data.dateLine, body].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">
<title>Letter to ${escapeHtml(data.recipientName)}</title>
<style>
  ${documentTypeCss('serif', everyWord)}
  @page { size: A4; margin: 25mm 24mm 22mm 24mm; }
  html { font-size: 11.5pt; line-height: 1.55; color: #111; }
  body { margin: 0; }
  .sender { text-align: right; margin-bottom: 14mm; }
  .sender .name { font-weight: bold; }
  .date { text-align: right; margin-bottom: 10mm; }
  .recipient { margin-bottom: 10mm; }
  .body p { margin: 0 0 0.9em; }
  .body h1, .body h2, .body h3 { font-size: 1.05em; margin: 1em 0 0.4em; }
  .body ul, .body ol { margin: 0 0 0.9em 1.2em; padding: 0; }
  .body blockquote { margin: 0 0 0.9em 1em; font-style: italic; }
  .body a { color: inherit; }
  .tasks { list-style: none; margin-left: 0; }
</style>
</head>
<body>
  ${data.senderName || data.senderAddress ? `<div class="sender">${data.senderName ? `<div class="name">${escapeHtml(data.senderName)}</div>` : ''}${data.senderAddress ? `<div>${lines(data.senderAddress)}</div>` : ''}</div>` : ''}
  <div class="date">${escapeHtml(data.dateLine)}</div>
  <div class="recipient">
    <div>${escapeHtml(data.recipientName)}</div>
    ${data.recipientTitle ? `<div>${escapeHtml(data.recipientTitle)}</div>` : ''}
    <div>${escapeHtml(data.companyName)}</div>
  </div>
  <div class="body">${body}</div>
</body>
</html>`;
}
