import { describe, expect, it } from 'vitest';
import { AppError } from '#core/errors';
import { MAX_EMAIL_BYTES, readEmail, type ReadEmailOptions } from '#core/capture/read-email';
import { fixture, NOW, SAM } from './fixtures';

const options: ReadEmailOptions = { ownAddresses: [SAM], fallbackTimeZone: 'Europe/London', now: NOW };
const refusal = async (input: string | Uint8Array) => {
  const error = await readEmail(input, options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
};

describe('e-mails as mail programs write them', () => {
  it('Gmail: an inbound reply, its thread, and a summary without the quoted message or the closing', async () => {
    const mail = await readEmail(fixture('gmail-reply.eml'), options);
    expect(mail).toMatchObject({
      messageId: 'CAH4kQ9vT0pZr8xW+N3bY5cD@mail.gmail.com',
      messageIdGenerated: false,
      occurredAt: '2026-03-04T16:12:31.000Z',
      direction: 'inbound',
      directionFrom: 'own-address',
      channel: 'email',
      from: { name: 'Priya Raman', address: 'priya.raman@northwind.example' },
      to: [{ name: 'Sam Candidate', address: SAM }],
      cc: [{ name: 'Marcus Lee', address: 'marcus.lee@northwind.example' }],
      counterparts: [{ name: 'Priya Raman', address: 'priya.raman@northwind.example' }],
      subject: 'Re: Thank you - Senior Data Analyst interview',
      inReplyTo: 'CAF=7yQ2m1xq0Ld+u8Pz3kB@mail.gmail.com',
      references: ['CAF=7yQ2m1xq0Ld+u8Pz3kB@mail.gmail.com'],
      invites: [],
    });
    expect(mail.summary).toBe("Hi Sam, Thanks for the kind note – we enjoyed the conversation too. The team would like you to meet our Head of Analytics next week; I'll send an invite shortly.");
  });

  it('Outlook: windows-1252 text read right, the From:/Sent: block and the signature left out', async () => {
    const mail = await readEmail(fixture('outlook-reply.eml'), options);
    expect(mail.from).toEqual({ name: 'Vogel, Lena', address: 'lena.vogel@contoso.example' });
    expect(mail.summary).toBe('Dear Sam, thank you for following up. We are still interviewing candidates and expect to make a decision by 20 March. I will let you know either way – sorry for the wait.');
    expect(mail.summary).not.toMatch(/Original|Sent:|I hope you are well|Senior Recruiter/);
  });

  it('Apple Mail, sent by the user: outbound, to everyone on the other side, without "Sent from my iPhone" and the quote', async () => {
    const mail = await readEmail(fixture('apple-mail-sent.eml'), options);
    expect(mail).toMatchObject({ direction: 'outbound', directionFrom: 'own-address', occurredAt: '2026-04-02T13:05:12.000Z' });
    expect(mail.counterparts.map((person) => person.address)).toEqual(['olivia@hartandco.example', 'tom.reed@hartandco.example']);
    expect(mail.summary).toBe('Dear Olivia, Thank you for meeting me today. I especially enjoyed hearing how the team runs its quarterly planning, and I would love to help build the new reporting pipeline.');
  });

  it('a Google Calendar invitation e-mail: the invite it carries twice (inline and invite.ics) is proposed once', async () => {
    const mail = await readEmail(fixture('gmail-invite.eml'), options);
    expect(mail.invites).toHaveLength(1);
    expect(mail.invites[0]).toMatchObject({ uid: '5k2j9d0c3v8q1m6t4r7b2n0x1h@google.com', startsAt: '2026-03-10T19:00:00.000Z', meetingProvider: 'meet' });
    expect(mail.subject).toContain('Invitation: Interview: Senior Data Analyst – Sam Candidate');
  });

  it('an Outlook meeting request: the base64 text/calendar part becomes the proposed interview', async () => {
    const mail = await readEmail(fixture('outlook-invite.eml'), options);
    expect(mail.invites.map((invite) => [invite.timeZone, invite.startsAt, invite.meetingProvider])).toEqual([['Europe/Berlin', '2026-03-12T09:00:00.000Z', 'teams']]);
    expect(mail.summary).toBe('Hi Sam, we look forward to meeting you for the second round. Jonas will join for the system design part.');
  });

  it('a message without Message-ID or date gets a stable made-up id, and says so', async () => {
    const first = await readEmail(fixture('no-message-id.eml'), options);
    const again = await readEmail(fixture('no-message-id.eml'), { ...options, now: new Date('2026-04-01T00:00:00Z') });
    expect(first.messageIdGenerated).toBe(true);
    expect(first.messageId).toMatch(/@generated\.afterview\.invalid$/);
    expect(again.messageId).toBe(first.messageId);
    expect(first.occurredAt).toBe(NOW.toISOString());
    expect(first.notes).toHaveLength(2);
    const received = await readEmail(fixture('no-message-id.eml'), { ...options, receivedAt: new Date('2026-03-01T08:00:00Z') });
    expect(received.occurredAt).toBe('2026-03-01T08:00:00.000Z');
  });
});

describe('direction', () => {
  const mail = (from: string, to: string) => `From: ${from}\r\nTo: ${to}\r\nSubject: Hello\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <d@x>\r\n\r\nHi\r\n`;

  it('is outbound from one of the user\'s addresses, whatever its case, and inbound to one', async () => {
    expect((await readEmail(mail('Sam <SAM.Candidate@Example.org>', 'ana@acme.example'), options)).direction).toBe('outbound');
    expect(await readEmail(mail('ana@acme.example', 'Sam <sam.candidate@example.org>'), options)).toMatchObject({ direction: 'inbound', directionFrom: 'own-address' });
  });

  it('is outbound for a message from the Sent folder, and a guess (inbound) when nothing tells', async () => {
    expect(await readEmail(mail('alias@elsewhere.example', 'ana@acme.example'), { ...options, inSentFolder: true })).toMatchObject({ direction: 'outbound', directionFrom: 'sent-folder' });
    expect(await readEmail(mail('ana@acme.example', 'team@acme.example'), { ...options, ownAddresses: [] })).toMatchObject({ direction: 'inbound', directionFrom: 'guess' });
  });
});

describe('bad and hostile e-mails get a clear message', () => {
  it('refuses an empty file, a picture, and text that is not a message', async () => {
    expect(await refusal('')).toMatch(/empty/);
    expect(await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toMatch(/not text/);
    expect(await refusal('Just some notes\nabout the interview.\n')).toMatch(/not an e-mail/);
  });

  it('refuses a file larger than an e-mail can be', async () => {
    expect(await refusal(new Uint8Array(MAX_EMAIL_BYTES + 1).fill(0x41))).toMatch(/MB/);
  });

  it('refuses a message nested deeper than mail programs ever do', async () => {
    let body = 'text';
    for (let depth = 0; depth < 80; depth++) body = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${body}\r\n--b${depth}--`;
    expect(await refusal(`From: a@b.example\r\nSubject: deep\r\n${body}`)).toMatch(/could not be read/);
  });

  it('reads a message whose attached invitation is damaged, and says so', async () => {
    const raw = [
      'From: Ana <ana@acme.example>',
      'To: sam.candidate@example.org',
      'Subject: Invitation',
      'Message-ID: <inv@acme.example>',
      'Date: Mon, 2 Mar 2026 10:00:00 +0000',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain',
      '',
      'See the invitation.',
      '--x',
      'Content-Type: text/calendar; method=REQUEST; name="invite.ics"',
      '',
      'BEGIN:VCALENDAR',
      'this is not a property',
      '--x--',
      '',
    ].join('\r\n');
    const mail = await readEmail(raw, options);
    expect(mail.invites).toEqual([]);
    expect(mail.summary).toBe('See the invitation.');
    expect(mail.notes.join(' ')).toMatch(/attached invitation.*could not be read/);
  });

  it('keeps hostile headers harmless: control characters, bidi overrides and endless lists', async () => {
    const many = Array.from({ length: 1000 }, (_, index) => `p${index}@acme.example`).join(', ');
    const raw = `From: "Eve\u202e" <eve@acme.example>\r\nTo: ${many}\r\nSubject: =?utf-8?Q?Hello=07=E2=80=AEthere?=\r\nMessage-ID: <h@acme.example>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHi\r\n`;
    const mail = await readEmail(raw, options);
    expect(mail.subject).toBe('Hellothere');
    expect(mail.from?.name).toBe('Eve');
    expect(mail.to).toHaveLength(200);
  });
});
