import type { Letter } from '../../../shared/domain/letter';
import { AppError } from '../errors';
import { longDate } from '../letters/drafts';
import { safeFileName } from './file-name';
import { letterHtml } from './letter-html';
import type { Printer } from './printer';

export interface Sender {
  name: string;
  address: string;
}

const FILE_LABELS: Record<Letter['kind'], string> = { thank_you: 'Thank-you', rejection: 'Reply' };

/** "Thank-you - Ana Ruiz - Northwind.pdf", safe to save on any system. */
export function letterFileName(letter: Pick<Letter, 'kind' | 'recipientName' | 'companyName'>): string {
  return safeFileName(`${FILE_LABELS[letter.kind]} - ${letter.recipientName} - ${letter.companyName}`, 'pdf');
}

/**
 * The letter as a print-ready PDF for the handwritten (or printed) copy,
 * dated the day it is printed, as a posted letter would be.
 */
export async function letterPdf(printer: Printer | undefined, letter: Letter, sender: Sender, now: Date): Promise<{ fileName: string; dataBase64: string }> {
  if (!printer) {
    throw new AppError('VAULT_UNAVAILABLE', 'Printing to PDF is not available in this window. Copy the letter instead, or open Afterview as a desktop app.');
  }
  const html = letterHtml({
    senderName: sender.name,
    senderAddress: sender.address,
    recipientName: letter.recipientName,
    recipientTitle: letter.recipientTitle,
    companyName: letter.companyName,
    dateLine: longDate(now),
    doc: letter.doc,
  });
  const pdf = await printer.pdf(html);
  return { fileName: letterFileName(letter), dataBase64: pdf.toString('base64') };
}
