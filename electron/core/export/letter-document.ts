import type { Letter } from '#shared/domain/letter';
import { longDate } from '../letters/drafts';
import type { ExportableDocument } from './document-export';
import { letterHtml } from './letter-html';

export interface Sender {
  name: string;
  address: string;
}

const FILE_LABELS: Record<Letter['kind'], string> = { thank_you: 'Thank-you', rejection: 'Reply' };
const TITLES: Record<Letter['kind'], string> = { thank_you: 'Thank-you note', rejection: 'Reply' };

/** "Thank-you - Ana Ruiz - Northwind", before the extension of whichever format. */
export function letterFileStem(letter: Pick<Letter, 'kind' | 'recipientName' | 'companyName'>): string {
  return `${FILE_LABELS[letter.kind]} - ${letter.recipientName} - ${letter.companyName}`;
}

/**
 * A letter: printed (PDF) and saved as a web page in its letter layout, dated
 * the day it is made, as a posted letter would be; in Word and Markdown the
 * subject as the title and the recipient beneath, ready to edit.
 */
export function letterDocument(letter: Letter, sender: Sender, now: Date): ExportableDocument {
  const dateLine = longDate(now);
  const recipient = [letter.recipientName, letter.recipientTitle, letter.companyName].filter(Boolean).join(', ');
  return {
    fileStem: letterFileStem(letter),
    title: letter.subject.trim() || `${TITLES[letter.kind]} to ${letter.recipientName}`,
    subtitle: [`To ${recipient}`, dateLine],
    body: letter.doc,
    printHtml: letterHtml({
      senderName: sender.name,
      senderAddress: sender.address,
      recipientName: letter.recipientName,
      recipientTitle: letter.recipientTitle,
      companyName: letter.companyName,
      dateLine,
      doc: letter.doc,
    }),
  };
}
