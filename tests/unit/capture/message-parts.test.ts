import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { assembleMessage, fetchItems, planParts } from '#core/capture/imap/message-parts';
import { readEmail } from '#core/capture/read-email';
import { NOW, SAM } from './fixtures';

const leaf = (part: string, type: string, extra: Partial<MessageStructureObject> = {}): MessageStructureObject => ({ part, type, size: 1000, ...extra }) as MessageStructureObject;
const multipart = (type: string, childNodes: MessageStructureObject[], part?: string): MessageStructureObject => ({ type, childNodes, ...(part ? { part } : {}) }) as MessageStructureObject;

describe('what the sync fetches of a message', () => {
  it('the start of the plain text, and every invitation; never attachments or forwarded messages', () => {
    const structure = multipart('multipart/mixed', [
      multipart('multipart/alternative', [leaf('1.1', 'text/plain'), leaf('1.2', 'text/html'), leaf('1.3', 'text/calendar')], '1'),
      leaf('2', 'application/pdf', { disposition: 'attachment', size: 5_000_000 }),
      leaf('3', 'application/octet-stream', { disposition: 'attachment', dispositionParameters: { filename: 'invite.ics' } }),
      multipart('message/rfc822', [leaf('4.1', 'text/plain')], '4'),
      leaf('5', 'text/plain', { disposition: 'attachment', dispositionParameters: { filename: 'notes.txt' } }),
    ]);
    const plan = planParts(structure);
    expect(plan).toEqual({ single: false, parts: [{ section: '1.1', maxLength: 65_536 }, { section: '1.3', maxLength: null }, { section: '3', maxLength: null }] });
    expect(fetchItems(plan)).toEqual(['1.1.MIME', { key: '1.1', maxLength: 65_536 }, '1.3.MIME', '1.3', '3.MIME', '3']);
  });

  it('HTML when there is no plain text; the text of a single-part message; nothing of a picture', () => {
    expect(planParts(multipart('multipart/alternative', [leaf('1', 'text/html')])).parts).toEqual([{ section: '1', maxLength: 262_144 }]);
    expect(planParts({ type: 'text/plain', size: 10 } as MessageStructureObject)).toEqual({ single: true, parts: [{ section: 'TEXT', maxLength: 65_536 }] });
    expect(planParts({ type: 'image/jpeg', size: 10 } as MessageStructureObject)).toEqual({ single: true, parts: [] });
    // An invitation far larger than one can be is not downloaded.
    expect(planParts(multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'text/calendar', { size: 50_000_000 })])).parts).toHaveLength(1);
  });

  it('puts the pieces back together into a message the e-mail reader reads like the original', async () => {
    const plan = planParts(multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'application/pdf', { disposition: 'attachment' })]));
    const header = Buffer.from(`From: Ana <ana@acme.example>\r\nTo: ${SAM}\r\nSubject: Next steps\r\nMessage-ID: <n@acme.example>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n\tboundary="original"\r\n\r\n`);
    const parts = new Map([
      ['1.mime', Buffer.from('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n')],
      ['1]<0>', Buffer.from('Thanks =E2=80=93 we would like to meet again.\r\n')],
    ]);
    const mail = await readEmail(assembleMessage(plan, header, parts), { ownAddresses: [SAM], fallbackTimeZone: 'UTC', now: NOW });
    expect(mail).toMatchObject({ messageId: 'n@acme.example', subject: 'Next steps', summary: 'Thanks – we would like to meet again.', direction: 'inbound' });
  });
});
