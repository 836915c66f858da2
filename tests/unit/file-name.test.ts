import { describe, expect, it } from 'vitest';
import { safeFileName } from '#core/export/file-name';
import { letterFileStem } from '#core/export/letter-document';

describe('safe file names', () => {
  it('names a letter after its kind, person and company', () => {
    expect(safeFileName(letterFileStem({ kind: 'thank_you', recipientName: 'Ana Ruiz', companyName: 'Northwind' }), 'pdf')).toBe('Thank-you - Ana Ruiz - Northwind.pdf');
    expect(safeFileName(letterFileStem({ kind: 'rejection', recipientName: 'Hiring team', companyName: 'Globex' }), 'docx')).toBe('Reply - Hiring team - Globex.docx');
  });

  it('replaces what Windows, macOS or Linux refuse, and control and direction characters', () => {
    expect(safeFileName('A/B\\C:D*E?F"G<H>I|J', 'pdf')).toBe('A B C D E F G H I J.pdf');
    expect(safeFileName('line\nbreak\u0000nul', 'pdf')).toBe('line break nul.pdf');
    expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoice fdp.exe.pdf');
  });

  it('trims dots and spaces, avoids device names and empty names, and keeps other scripts', () => {
    expect(safeFileName('  ..hidden.. ', 'pdf')).toBe('hidden.pdf');
    expect(safeFileName('CON', 'pdf')).toBe('Afterview CON.pdf');
    expect(safeFileName('///', 'pdf')).toBe('Afterview.pdf');
    expect(safeFileName('Merci – José Müller – 株式会社', 'pdf')).toBe('Merci – José Müller – 株式会社.pdf');
  });

  it('stays short without cutting a character in half', () => {
    const name = safeFileName('😀'.repeat(300), 'pdf');
    expect(Array.from(name.replace(/\.pdf$/, ''))).toHaveLength(120);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });
});
