/**
 * The mailbox sync against a real IMAP server: Dovecot, started by the test
 * on 127.0.0.1 (tests/support/dovecot.ts), with mailboxes seeded as files.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxAccount } from '#core/capture/imap/mailbox-account';
import { startMailboxSync, type MailboxSyncOptions, type MailboxSyncRequest, type SyncProgress } from '#core/capture/imap/mailbox-sync';
import { AppError } from '#core/errors';
import { dovecotAvailable, startDovecot, type Dovecot, type SeedMessage } from '#support/dovecot';
import { MemoryCaptureVault as MemoryVault } from '#support/memory-capture-vault';
import { startTcpProxy, unusedPort } from '#support/tcp-proxy';
import { fixture, NOW, SAM } from './fixtures';

const PRIYA = 'priya.raman@northwind.example';
const LENA = 'lena.vogel@contoso.example';
const OLIVIA = 'olivia@hartandco.example';
const ANA = 'ana.lima@acme.example';
const CONTACTS = [PRIYA, LENA, OLIVIA, ANA];

function mail(fields: { from: string; to: string; cc?: string; subject: string; date: string; id?: string; body?: string; extra?: string }): string {
  return [
    `From: ${fields.from}`,
    `To: ${fields.to}`,
    ...(fields.cc ? [`Cc: ${fields.cc}`] : []),
    `Subject: ${fields.subject}`,
    `Date: ${fields.date}`,
    ...(fields.id ? [`Message-ID: <${fields.id}>`] : []),
    'MIME-Version: 1.0',
    fields.extra ?? 'Content-Type: text/plain; charset=utf-8',
    '',
    fields.body ?? 'Hello.',
    '',
  ].join('\r\n');
}

/** A message with a 300 KB attachment: only its text may be downloaded. */
const withAttachment = mail({
  from: `Olivia Hart <${OLIVIA}>`,
  to: SAM,
  subject: 'The case study',
  date: 'Fri, 6 Mar 2026 10:00:00 +0000',
  id: 'case-study@hartandco.example',
  extra: 'Content-Type: multipart/mixed; boundary="cut"',
  body: ['--cut', 'Content-Type: text/plain; charset=utf-8', '', 'Attached is the case study for Thursday.', '--cut', 'Content-Type: application/pdf; name="case.pdf"', 'Content-Disposition: attachment; filename="case.pdf"', 'Content-Transfer-Encoding: base64', '', Buffer.alloc(300_000, 7).toString('base64').replace(/.{76}/g, '$&\r\n'), '--cut--'].join('\r\n'),
});

const SEED: Record<string, SeedMessage[]> = {
  INBOX: [
    { raw: fixture('gmail-reply.eml').toString('latin1'), flags: 'S' },
    { raw: fixture('outlook-reply.eml').toString('latin1'), flags: 'FS' },
    { raw: fixture('gmail-invite.eml').toString('latin1') },
    { raw: fixture('outlook-invite.eml').toString('latin1'), flags: 'R' },
    { raw: withAttachment },
    // Copied to a contact, from someone else.
    { raw: mail({ from: 'Hiring Team <jobs@acme.example>', to: SAM, cc: ANA, subject: 'Your interview schedule', date: 'Mon, 9 Mar 2026 08:00:00 +0000', id: 'schedule@acme.example' }) },
    // Not a contact: a stranger, a name that only contains a contact's address, and a contact before the chosen day.
    { raw: mail({ from: 'deals@shop.example', to: SAM, subject: 'Spring sale', date: 'Mon, 2 Mar 2026 10:00:00 +0000', id: 'sale@shop.example' }) },
    { raw: mail({ from: 'hana.lima@acme.example.net', to: SAM, subject: 'Not Ana', date: 'Mon, 2 Mar 2026 11:00:00 +0000', id: 'hana@acme.example.net' }), flags: 'S' },
    { raw: mail({ from: PRIYA, to: SAM, subject: 'Last year', date: 'Mon, 2 Jun 2025 11:00:00 +0000', id: 'old@northwind.example' }) },
  ],
  Sent: [{ raw: fixture('apple-mail-sent.eml').toString('latin1'), flags: 'S' }],
  Archive: [{ raw: mail({ from: `Ana Lima <${ANA}>`, to: SAM, subject: 'Welcome call', date: 'Tue, 3 Mar 2026 09:00:00 +0000', id: 'welcome@acme.example' }), flags: 'S' }],
  Trash: [{ raw: mail({ from: PRIYA, to: SAM, subject: 'Deleted one', date: 'Tue, 3 Mar 2026 09:00:00 +0000', id: 'deleted@northwind.example' }), flags: 'S' }],
};
const EXPECTED_SUBJECTS = [
  'AW: Follow-up on my application',
  'Invitation: Interview: Senior Data Analyst – Sam Candidate @ Tue Mar 10, 2026 2pm - 2:45pm (EST) (sam.candidate@example.org)',
  'Re: Thank you - Senior Data Analyst interview',
  'Second interview – Platform Engineer',
  'Thank you for today',
  'The case study',
  'Welcome call',
  'Your interview schedule',
];

function seed(server: Dovecot): void {
  for (const [mailbox, messages] of Object.entries(SEED)) server.deliver(mailbox, messages);
}

/** The flags the server reports for every message, read in a separate read-only session. */
async function serverFlags(server: Dovecot): Promise<string[]> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
  await client.connect();
  const flags: string[] = [];
  for (const box of await client.list()) {
    await client.mailboxOpen(box.path, { readOnly: true });
    for await (const message of client.fetch('1:*', { uid: true, flags: true })) flags.push(`${box.path}/${message.uid}:${[...(message.flags ?? [])].filter((flag) => flag !== '\\Recent').sort().join(' ')}`);
  }
  await client.logout();
  return flags.sort();
}

describe.runIf(dovecotAvailable())('syncing a mailbox from a real IMAP server', { timeout: 60_000 }, () => {
  let server: Dovecot;
  let plainOnly: Dovecot;

  beforeAll(async () => {
    [server, plainOnly] = await Promise.all([startDovecot({ tls: true }), startDovecot()]);
    seed(server);
    seed(plainOnly);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), plainOnly?.stop()]);
  });

  const plainAccount = (target: { port: number } = server, overrides: Partial<MailboxAccount> = {}): MailboxAccount => ({
    host: '127.0.0.1',
    port: target.port,
    security: 'none',
    allowUnencryptedOnThisComputer: true,
    user: server.user,
    password: server.password,
    ...overrides,
  });
  const request = (account: MailboxAccount, overrides: Partial<MailboxSyncRequest> = {}): MailboxSyncRequest => ({
    account,
    since: new Date('2026-01-01T00:00:00Z'),
    ownAddresses: [SAM],
    fallbackTimeZone: 'Europe/London',
    ...overrides,
  });
  const sync = (req: MailboxSyncRequest, vault: MemoryVault, options: Partial<MailboxSyncOptions> = {}) => startMailboxSync(req, { vault, now: () => NOW, ...options });

  it('logs each message to or from a contact once, offers the invites found, and a second sync logs nothing new', async () => {
    const vault = new MemoryVault(CONTACTS);
    const events: SyncProgress[] = [];
    const first = await sync(request(plainAccount()), vault, { onProgress: (progress) => events.push(progress) }).done;
    expect(first.outcome).toBe('finished');
    expect(vault.subjects()).toEqual(EXPECTED_SUBJECTS);
    expect(first.progress).toMatchObject({ logged: 8, invites: 2, mailboxesTotal: 3, mailboxesDone: 3, unreadable: 0 });
    // The found-by-substring message ("hana.lima@acme.example.net") is read but passed over.
    expect(first.progress.skipped).toBe(1);
    expect(events.map((event) => event.state)).toEqual(expect.arrayContaining(['connecting', 'searching', 'reading', 'finished']));

    const byId = (id: string) => vault.logged.get(id)!;
    expect(byId('CAH4kQ9vT0pZr8xW+N3bY5cD@mail.gmail.com')).toMatchObject({ direction: 'inbound', mailbox: 'INBOX', contactAddresses: [PRIYA], summary: expect.stringContaining('Head of Analytics') });
    expect(byId('5E1A7C2B-9D3F-4B8E-A6C0-2F1D3E4B5A6C@example.org')).toMatchObject({ direction: 'outbound', directionFrom: 'own-address', mailbox: 'Sent', contactAddresses: [OLIVIA] });
    expect(byId('case-study@hartandco.example').summary).toBe('Attached is the case study for Thursday.');
    expect(byId('schedule@acme.example')).toMatchObject({ contactAddresses: [ANA], direction: 'inbound' });
    const invites = vault.batches.flatMap((batch) => batch.invites);
    expect(invites.map((offer) => [offer.invite.uid, offer.invite.startsAt, offer.invite.meetingProvider]).sort()).toEqual([
      ['040000008200E00074C5B7101A82E00800000000D0B4C2A3F7A9DC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90', '2026-03-12T09:00:00.000Z', 'teams'],
      ['5k2j9d0c3v8q1m6t4r7b2n0x1h@google.com', '2026-03-10T19:00:00.000Z', 'meet'],
    ]);
    expect(invites.find((offer) => offer.invite.meetingProvider === 'meet')).toMatchObject({ messageId: '000000000000b2c3d4e5f6071829@google.com', from: { address: PRIYA } });

    const batchesBefore = vault.batches.length;
    const second = await sync(request(plainAccount()), vault).done;
    expect(second.outcome).toBe('finished');
    expect(second.progress).toMatchObject({ logged: 0, invites: 0 });
    expect(vault.batches.length).toBe(batchesBefore);
    expect(vault.logged.size).toBe(8);
  });

  it('changes nothing on the server: the same files and flags after a sync, and only read-only commands on the wire', async () => {
    const filesBefore = server.snapshot();
    const flagsBefore = await serverFlags(server);
    expect(flagsBefore.some((entry) => entry.endsWith(':'))).toBe(true);
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    const outcome = await sync(request(plainAccount(proxy)), new MemoryVault(CONTACTS)).done;
    await proxy.close();
    expect(outcome.outcome).toBe('finished');
    expect(server.snapshot()).toEqual(filesBefore);
    expect(await serverFlags(server)).toEqual(flagsBefore);

    const commands = proxy
      .sent()
      .split('\r\n')
      .map((line) => /^[A-Za-z0-9.]+ ((?:UID )?[A-Z]+)\b/.exec(line)?.[1])
      .filter((command): command is string => Boolean(command));
    expect(commands).toContain('EXAMINE');
    expect(commands).toContain('UID SEARCH');
    expect(commands).toContain('UID FETCH');
    const readOnly = new Set(['CAPABILITY', 'LOGIN', 'AUTHENTICATE', 'ID', 'ENABLE', 'NAMESPACE', 'LIST', 'EXAMINE', 'UID SEARCH', 'UID FETCH', 'NOOP', 'LOGOUT', 'COMPRESS']);
    expect(commands.filter((command) => !readOnly.has(command))).toEqual([]);
    // Bodies are only ever peeked at (BODY.PEEK), so nothing becomes \Seen; the attachment is never fetched.
    const fetches = proxy.sent().split('\r\n').filter((line) => / UID FETCH /.test(line));
    expect(fetches.filter((line) => /BODY\[|BINARY\[|RFC822(?!\.SIZE)/.test(line))).toEqual([]);
    expect(fetches.some((line) => /BODY\.PEEK\[\]/.test(line))).toBe(false);
  });

  it('reads over TLS and over STARTTLS, with the server’s own certificate authority trusted', async () => {
    const tls = await sync(request({ host: '127.0.0.1', port: server.tlsPort, security: 'tls', user: server.user, password: server.password, trustedCertificates: [server.caPem] }), new MemoryVault(CONTACTS)).done;
    expect(tls).toMatchObject({ outcome: 'finished', progress: { logged: 8 } });
    const starttls = await sync(request({ host: '127.0.0.1', port: server.port, security: 'starttls', user: server.user, password: server.password, trustedCertificates: [server.caPem] }), new MemoryVault(CONTACTS)).done;
    expect(starttls).toMatchObject({ outcome: 'finished', progress: { logged: 8 } });
  });

  it('refuses a certificate it cannot trust, and a server that does not speak TLS, before the password is sent', async () => {
    const vault = new MemoryVault(CONTACTS);
    const untrusted = await sync(request({ host: '127.0.0.1', port: server.tlsPort, security: 'tls', user: server.user, password: server.password }), vault).done;
    expect(untrusted).toMatchObject({ outcome: 'failed', failure: { kind: 'tls' } });
    expect(untrusted.failure?.message).toMatch(/certificate .* could not be trusted.*did not send your password/);

    const plainPort = await sync(request({ host: '127.0.0.1', port: server.port, security: 'tls', user: server.user, password: server.password, trustedCertificates: [server.caPem] }), vault).done;
    expect(plainPort).toMatchObject({ outcome: 'failed', failure: { kind: 'tls' } });
    expect(plainPort.failure?.message).toMatch(/did not answer with an encrypted \(TLS\) connection/);

    const proxy = await startTcpProxy({ host: plainOnly.host, port: plainOnly.port });
    const noStarttls = await sync(request({ host: '127.0.0.1', port: proxy.port, security: 'starttls', user: plainOnly.user, password: plainOnly.password }), vault).done;
    await proxy.close();
    expect(noStarttls).toMatchObject({ outcome: 'failed', failure: { kind: 'tls' } });
    expect(noStarttls.failure?.message).toMatch(/does not offer STARTTLS/);
    expect(proxy.sent()).not.toContain(plainOnly.password);
    expect(proxy.sent()).not.toMatch(/LOGIN|AUTHENTICATE/);
    expect(vault.batches).toEqual([]);
  });

  it('connects without encryption only to this computer, and only when the user allows it', async () => {
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    const notAllowed = await sync(request(plainAccount(proxy, { allowUnencryptedOnThisComputer: false })), new MemoryVault(CONTACTS)).done;
    expect(notAllowed).toMatchObject({ outcome: 'failed', failure: { kind: 'tls-required' } });
    const remote = await sync(request(plainAccount(proxy, { host: 'mail.example.com' })), new MemoryVault(CONTACTS)).done;
    expect(remote).toMatchObject({ outcome: 'failed', failure: { kind: 'tls-required' } });
    await proxy.close();
    expect(proxy.connections()).toBe(0);
    const localhost = await sync(request(plainAccount(server, { host: 'localhost' })), new MemoryVault(CONTACTS)).done;
    expect(localhost.failure?.kind).not.toBe('tls-required');
  });

  it('a wrong password gets a clear message, which never holds the password, and records nothing', async () => {
    const password = 'Wr0ng-Pässword!#';
    const vault = new MemoryVault(CONTACTS);
    const events: SyncProgress[] = [];
    const outcome = await sync(request(plainAccount(server, { password })), vault, { onProgress: (event) => events.push(event) }).done;
    expect(outcome).toMatchObject({ outcome: 'failed', failure: { kind: 'auth' } });
    expect(outcome.failure?.message).toMatch(/did not accept the user name or password/);
    const everything = JSON.stringify({ outcome, events });
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(Buffer.from(password).toString('base64'));
    expect(vault.batches).toEqual([]);
  });

  it('a server that is down gets a clear message', async () => {
    const down = await sync(request(plainAccount({ port: await unusedPort() })), new MemoryVault(CONTACTS)).done;
    expect(down).toMatchObject({ outcome: 'failed', failure: { kind: 'unreachable' } });
    expect(down.failure?.message).toMatch(/No mail server answered at 127\.0\.0\.1:\d+/);
  });

  it('a connection dropped mid-sync keeps the batches recorded whole, and the next sync continues where it stopped', async () => {
    const vault = new MemoryVault(CONTACTS);
    // Cut the network at the first thing the client sends once two batches are recorded: in the middle of the third.
    const proxy = await startTcpProxy({ host: server.host, port: server.port }, { cutWhen: () => vault.batches.length >= 2 });
    const dropped = await sync(request(plainAccount(proxy)), vault, { batchSize: 2 }).done;
    await proxy.close();
    expect(dropped).toMatchObject({ outcome: 'failed', failure: { kind: 'dropped' } });
    expect(dropped.failure?.message).toMatch(/lost during the sync.*kept/);
    // Two batches of two: each recorded whole, none in part.
    expect(vault.batches.map((batch) => batch.touchpoints.length)).toEqual([2, 2]);
    expect(dropped.progress.logged).toBe(4);

    const resumed = await sync(request(plainAccount()), vault, { batchSize: 2 }).done;
    expect(resumed.outcome).toBe('finished');
    expect(resumed.progress.logged).toBe(4);
    expect(vault.subjects()).toEqual(EXPECTED_SUBJECTS);
    expect(vault.batches.flatMap((batch) => batch.touchpoints).length).toBe(8);
  });

  it('pauses between batches, holding no connection and recording nothing, then resumes to the end', async () => {
    const vault = new MemoryVault(CONTACTS);
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    const states: string[] = [];
    const running = sync(request(plainAccount(proxy)), vault, { batchSize: 1, onProgress: (event) => states.push(event.state) });
    vault.onRecord = () => {
      if (vault.batches.length === 1) running.pause();
    };
    await expect.poll(() => running.progress().state, { timeout: 20_000 }).toBe('paused');
    const recorded = vault.batches.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(vault.batches.length).toBe(recorded);
    expect(recorded).toBeLessThanOrEqual(2);
    const connectionsWhilePaused = proxy.connections();
    running.resume();
    const outcome = await running.done;
    await proxy.close();
    expect(outcome.outcome).toBe('finished');
    expect(vault.subjects()).toEqual(EXPECTED_SUBJECTS);
    // It disconnected to pause, and connected again to resume.
    expect(proxy.connections()).toBe(connectionsWhilePaused + 1);
    expect(states).toContain('paused');
  });

  it('cancel stops at once: what was recorded stays, the batch under way is not recorded', async () => {
    const vault = new MemoryVault(CONTACTS);
    const running = sync(request(plainAccount()), vault, { batchSize: 1 });
    vault.onRecord = () => {
      if (vault.batches.length === 2) running.cancel();
    };
    const outcome = await running.done;
    expect(outcome.outcome).toBe('cancelled');
    expect(vault.batches.length).toBe(2);
    expect(outcome.progress.logged).toBe(2);
  });

  it('a vault that cannot record stops the sync with its message', async () => {
    const vault = new MemoryVault(CONTACTS);
    vault.failure = new AppError('VAULT_UNAVAILABLE', 'The vault is on a disk that is full.');
    const outcome = await sync(request(plainAccount()), vault).done;
    expect(outcome).toMatchObject({ outcome: 'failed', failure: { kind: 'vault', message: 'The vault is on a disk that is full.' } });
    expect(vault.logged.size).toBe(0);
  });

  it('searches a few hundred contacts in batches of addresses, and finds the same messages', async () => {
    const many = [...Array.from({ length: 300 }, (_, index) => `person${index}@elsewhere.example`), ...CONTACTS];
    const proxy = await startTcpProxy({ host: server.host, port: server.port });
    const vault = new MemoryVault(many);
    const outcome = await sync(request(plainAccount(proxy)), vault, { addressesPerSearch: 50 }).done;
    await proxy.close();
    expect(outcome.outcome).toBe('finished');
    expect(vault.subjects()).toEqual(EXPECTED_SUBJECTS);
    // 304 addresses in batches of 50: 7 searches in each of the 3 mailboxes.
    expect(proxy.sent().match(/ UID SEARCH /g)).toHaveLength(21);
  });

  it('reads only the mailboxes asked for, and says so when one does not exist', async () => {
    const vault = new MemoryVault(CONTACTS);
    expect((await sync(request(plainAccount(), { mailboxes: ['Sent'] }), vault).done).progress.logged).toBe(1);
    const missing = await sync(request(plainAccount(), { mailboxes: ['Interviews'] }), vault).done;
    expect(missing).toMatchObject({ outcome: 'failed', failure: { kind: 'mailbox', message: 'There is no mailbox “Interviews” on the server.' } });
  });
});

describe.runIf(dovecotAvailable())('a mailbox with an All Mail folder, as Gmail has', { timeout: 60_000 }, () => {
  it('reads only All Mail, where every message is once, and not the folders that are labels on the same messages', async () => {
    const server = await startDovecot({ allMail: 'Archive' });
    try {
      seed(server);
      const vault = new MemoryVault(CONTACTS);
      const outcome = await startMailboxSync(
        { account: { host: '127.0.0.1', port: server.port, security: 'none', allowUnencryptedOnThisComputer: true, user: server.user, password: server.password }, since: new Date('2026-01-01'), ownAddresses: [SAM], fallbackTimeZone: 'Europe/London' },
        { vault, now: () => NOW },
      ).done;
      expect(outcome).toMatchObject({ outcome: 'finished', progress: { mailboxesTotal: 1 } });
      expect(vault.subjects()).toEqual(['Welcome call']);
    } finally {
      await server.stop();
    }
  });
});

describe.runIf(dovecotAvailable())('a server that goes down mid-sync', { timeout: 60_000 }, () => {
  it('gets a clear message, and what was recorded stays', async () => {
    const server = await startDovecot();
    try {
      seed(server);
      const vault = new MemoryVault(CONTACTS);
      vault.onRecord = () => {
        if (vault.batches.length === 1) void server.kill();
      };
      const outcome = await startMailboxSync(
        { account: { host: '127.0.0.1', port: server.port, security: 'none', allowUnencryptedOnThisComputer: true, user: server.user, password: server.password }, since: new Date('2026-01-01'), ownAddresses: [SAM], fallbackTimeZone: 'Europe/London' },
        { vault, batchSize: 1, now: () => NOW },
      ).done;
      expect(outcome).toMatchObject({ outcome: 'failed', failure: { kind: 'dropped' } });
      expect(vault.batches.length).toBeGreaterThanOrEqual(1);
      expect(outcome.progress.logged).toBe(vault.batches.length);
    } finally {
      await server.stop();
    }
  });
});
