import { afterAll, describe, expect, it } from 'vitest';
import { letterHtml } from '#core/export/letter-html';
import { BUILT_IN_TEMPLATES, fillTemplate } from '#core/letters/templates';
import { createChromiumPrinter } from '#preview/chromium-printer';
import { coreHarness } from '#support/core-harness';
import { pageCount, pdfFontNames, pdfText } from './pdf-text';

const printer = createChromiumPrinter();
afterAll(() => printer.close());

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
    // The bundled faces, not whatever this machine has: the letter looks the same everywhere.
    expect(pdfFontNames(pdf)).toEqual(['SourceSerif4-Bold', 'SourceSerif4-Italic', 'SourceSerif4-Regular']);
  });

  it('prints names beyond basic Latin in the bundled face, and the text reads back as typed', async () => {
    const html = letterHtml({
      senderName: 'Sam Taylor',
      senderAddress: '',
      recipientName: 'Łukasz Dąbrowski',
      recipientTitle: 'Kierownik zespołu',
      companyName: 'Snowflake',
      dateLine: '11 March 2026',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Thank you for a fluent, efficient conversation, Łukasz.' }] }] },
    });
    const pdf = await printer.pdf(html);
    expect(pdfFontNames(pdf).every((font) => font.startsWith('SourceSerif4-')), pdfFontNames(pdf).join()).toBe(true);
    const text = pdfText(pdf);
    for (const words of ['Łukasz Dąbrowski', 'Kierownik zespołu', 'Snowflake', 'a fluent, efficient conversation']) expect(text, words).toContain(words);
  });

  it('prints a thank-you note from a real vault through letters.export', async () => {
    const core = coreHarness('2026-03-10T08:00:00.000Z', { printer });
    try {
      const opening = await core.call('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'applied' });
      await core.call('interviews.create', {
        openingId: opening.id,
        startsAt: '2026-03-10T10:00:00+01:00',
        endsAt: '2026-03-10T11:00:00+01:00',
        timeZone: 'Europe/Berlin',
        format: 'onsite',
        team: [{ name: 'Ana Ruiz', title: 'Head of Analytics' }],
      });
      const [letter] = await core.call('letters.list', undefined);
      const { fileName, dataBase64 } = await core.call('letters.export', { id: letter!.id, format: 'pdf' });
      const pdf = Buffer.from(dataBase64, 'base64');

      expect(fileName).toBe('Thank-you - Ana Ruiz - Northwind.pdf');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain('Ana Ruiz');
      expect(text).toContain('Dear Ana,');
      expect(text).toContain('Head of Analytics');
    } finally {
      core.cleanup();
    }
  });
});
