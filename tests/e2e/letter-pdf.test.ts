import { afterAll, describe, expect, it } from 'vitest';
import { letterHtml } from '../../electron/core/export/letter-html';
import { BUILT_IN_TEMPLATES, fillTemplate } from '../../electron/core/letters/templates';
import { createChromiumPrinter } from '../../electron/preview/chromium-printer';

const printer = createChromiumPrinter();
afterAll(() => printer.close());

/** Page objects in a PDF Chromium wrote (its dictionaries are not compressed). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('letter PDF through the printer port', () => {
  it('is a valid one-page PDF of the letter', async () => {
    const html = letterHtml({
      senderName: 'Sam Taylor',
      senderAddress: '12 Harbour Road\nBristol BS1 4RW',
      recipientName: 'Ana Ruiz',
      recipientTitle: 'Head of Analytics',
      companyName: 'Northwind',
      dateLine: '11 March 2026',
      doc: fillTemplate(BUILT_IN_TEMPLATES.thank_you.doc, { firstName: 'Ana', role: 'Data Analyst', company: 'Northwind', interviewDate: '10 March', myName: 'Sam Taylor' }),
    });
    const pdf = await printer.pdf(html);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    expect(pageCount(pdf)).toBe(1);
  });
});
