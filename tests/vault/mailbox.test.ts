/**
 * The mailbox sync through its channels, as the Settings screen drives it,
 * against a real IMAP server (Dovecot on 127.0.0.1, tests/support/dovecot.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionSecretStore } from '#core/capture/imap/secret-store';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import type { MailboxStatus } from '#shared/domain/capture';
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import { manualClock } from '#support/core-harness';
import { dovecotAvailable, startDovecot, type Dovecot } from '#support/dovecot';
import { startTcpProxy, unusedPort } from '#support/tcp-proxy';
import { tempVault } from '#support/temp-vault';
import { fixture, SAM } from '../unit/capture/fixtures';

const PRIYA = 'priya.raman@northwind.example';
const LENA = 'lena.vogel@contoso.example';

function stranger(): string {
  return ['From: deals@shop.example', `To: ${SAM}`, 'Subject: Spring sale', 'Date: Mon, 2 Mar 2026 10:00:00 +0000', 'Message-ID: <sale@shop.example>', '', 'Buy now.', ''].join('\r\n');
}

describe.runIf(dovecotAvailable())('the mailbox, connected and synced through its channels', { timeout: 60_000 }, () => {
  let server: Dovecot;
  let vault: ReturnType<typeof tempVault>;
  let events: MailboxStatus[];
  let call: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  let fingerprint: () => string;

  beforeAll(async () => {
    server = await startDovecot();
    server.deliver('INBOX', [
      { raw: fixture('gmail-reply.eml').toString('latin1') },
      { raw: fixture('gmail-invite.eml').toString('latin1') },
      { raw: fixture('outlook-reply.eml').toString('latin1') },
      { raw: stranger() },
    ]);
  }, 60_000);
  afterAll(() => server?.stop());

  beforeEach(async () => {
    vault = tempVault();
    events = [];
    const handlers = createHandlers({
      vault,
      appVersion: '0.0.0-test',
      now: manualClock('2026-03-05T12:00:00.000Z').now,
      timeZone: () => 'Europe/London',
      secrets: sessionSecretStore(),
      emitMailboxProgress: (status) => events.push(status),
      mailbox: { syncOptions: { timeouts: { connectMs: 5_000, socketMs: 5_000 } } },
    });
    const dispatch = createDispatch(handlers, console.error, { validateOutput: true });
    call = async (channel, input) => {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as never;
    };
    fingerprint = () => {
      const rows = ['interviews', 'touchpoints', 'contacts', 'invite_offers', 'settings'].map((table) => JSON.stringify(vault.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
      return rows.join('\n');
    };
    await call('capture.saveOwnAddresses', { ownAddresses: [SAM] });
    await call('openings.create', { companyName: 'Northwind', role: 'Senior Data Analyst', stage: 'applied' });
    await call('contacts.create', { name: 'Priya Raman', companyName: 'Northwind', email: PRIYA });
    await call('contacts.create', { name: 'Lena Vogel', companyName: 'Contoso', email: LENA });
  });
  afterEach(() => vault.cleanup());

  const account = (port: number) => ({ host: '127.0.0.1', port, security: 'none' as const, allowUnencryptedOnThisComputer: true, user: server.user, since: '2026-01-01' });
  const finished = () => new Promise<MailboxStatus>((resolve) => {
    const check = setInterval(() => {
      const last = events.at(-1);
      if (last && last.state === 'idle' && last.lastResult) {
        clearInterval(check);
        resolve(last);
      }
    }, 20);
  });
  const touchpoints = () => vault.db.prepare('SELECT message_id AS messageId, direction, opening_id IS NOT NULL AS withOpening FROM touchpoints ORDER BY message_id').all();

  it('logs each message to or from a contact once, offers the invite, and a second sync logs nothing new', async () => {
    const started = await call('mailbox.connect', { account: account(server.port), password: server.password });
    expect(started.state).toBe('connecting');
    const first = await finished();
    expect(first.lastResult).toMatchObject({ outcome: 'finished', failure: null, progress: { logged: 3, invites: 1 } });
    expect(first).toMatchObject({ account: { host: '127.0.0.1', user: server.user }, passwordSaved: true, passwordStore: 'session', invitesWaiting: 1 });
    expect(events.map((event) => event.state)).toEqual(expect.arrayContaining(['connecting', 'reading', 'idle']));
    expect(touchpoints()).toHaveLength(3);
    // The password is never in the vault.
    expect(JSON.stringify(vault.db.prepare('SELECT * FROM settings').all())).not.toContain(server.password);
    const [offer] = await call('capture.offers', undefined);
    expect(offer!.reading).toMatchObject({ action: 'create', proposal: { meetingProvider: 'meet' } });

    const before = fingerprint();
    events = [];
    await call('mailbox.sync', undefined);
    const second = await finished();
    expect(second.lastResult).toMatchObject({ outcome: 'finished', progress: { logged: 0, invites: 0 } });
    expect(fingerprint()).toBe(before);
  });

  it('a wrong password, an unreachable server or a dropped connection: a clear message, and nothing changed', async () => {
    const before = fingerprint();
    await call('mailbox.connect', { account: account(server.port), password: 'not-the-password' });
    const wrong = await finished();
    expect(wrong.lastResult?.failure).toMatchObject({ kind: 'auth', message: expect.stringMatching(/did not accept the user name or password/) });
    // Not even the account is kept.
    expect(wrong).toMatchObject({ account: null, passwordSaved: false });
    expect(fingerprint()).toBe(before);

    events = [];
    await call('mailbox.connect', { account: account(await unusedPort()), password: server.password });
    const down = await finished();
    expect(down.lastResult?.failure).toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/No mail server answered at 127\.0\.0\.1/) });
    expect(fingerprint()).toBe(before);

    // The network goes at the first fetch: nothing of the batch under way is kept.
    const proxy = await startTcpProxy({ host: server.host, port: server.port }, { cutWhen: (sent) => / UID FETCH /.test(sent) });
    events = [];
    await call('mailbox.connect', { account: account(proxy.port), password: server.password });
    const dropped = await finished();
    await proxy.close();
    expect(dropped.lastResult?.failure).toMatchObject({ kind: 'dropped', message: expect.stringMatching(/lost during the sync/) });
    expect(touchpoints()).toEqual([]);
  });

  it('refuses an unencrypted server elsewhere before connecting', async () => {
    const error = await createDispatch(createHandlers({ vault, appVersion: '0', now: () => new Date() }))('mailbox.connect', {
      account: { host: 'imap.example.com', port: 143, security: 'none', allowUnencryptedOnThisComputer: true, user: 'me', since: '2026-01-01' },
      password: 'secret',
    });
    expect(error).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only over an encrypted connection/) } });
  });
});
