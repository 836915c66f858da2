/**
 * The mailbox sync and the vault's lock: a sync reading the mailbox when the
 * vault locks stops without writing into it, and starts again on unlock,
 * through the real session and a real IMAP server (Dovecot on 127.0.0.1).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionSecretStore } from '#core/capture/imap/secret-store';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { createVaultSession, type VaultSession } from '#core/keys/vault-session';
import type { MailboxStatus } from '#shared/domain/capture';
import { dovecotAvailable, startDovecot, type Dovecot } from '#support/dovecot';
import { tempDir } from '#support/temp-vault';
import { SAM } from '../unit/capture/fixtures';

const PRIYA = 'priya.raman@northwind.example';
const PASSPHRASE = 'correct horse battery staple';
const MESSAGES = 24;

function followUp(n: number): string {
  return [`From: Priya Raman <${PRIYA}>`, `To: ${SAM}`, `Subject: Follow-up ${n}`, 'Date: Mon, 2 Mar 2026 10:00:00 +0000', `Message-ID: <follow-up-${n}@northwind.example>`, '', `Note ${n} about the role.`, ''].join('\r\n');
}

describe.runIf(dovecotAvailable())('the mailbox sync when the vault locks', { timeout: 60_000 }, () => {
  let server: Dovecot;
  const dir = tempDir('afterview-mailbox-lock-');
  let session: VaultSession | null = null;

  beforeAll(async () => {
    server = await startDovecot();
    server.deliver('INBOX', Array.from({ length: MESSAGES }, (_, n) => ({ raw: followUp(n) })));
  }, 60_000);
  afterAll(() => {
    server?.stop();
    dir.remove();
  });
  afterEach(() => session?.close());

  it('stops as the vault locks, writing nothing into it, and picks up where it left off on unlock', async () => {
    const events: MailboxStatus[] = [];
    let onProgress: (status: MailboxStatus) => void = () => undefined;
    const made = createVaultSession({
      vaultPath: dir.file('vault.afterview.sqlite'),
      appVersion: 'test',
      now: () => new Date(),
      kdfCost: { N: 2 ** 10, r: 8, p: 1 },
      emit: () => undefined,
      start: (vault, control) => ({
        dispatch: createDispatch(
          createHandlers({
            vault,
            appVersion: 'test',
            now: () => new Date('2026-03-05T12:00:00.000Z'),
            timeZone: () => 'Europe/London',
            secrets: sessionSecretStore(),
            emitMailboxProgress: (status) => {
              events.push(status);
              onProgress(status);
            },
            // One message a batch: the lock lands between batches, with most of the mailbox still to read.
            mailbox: { syncOptions: { batchSize: 1, timeouts: { connectMs: 5_000, socketMs: 5_000 } } },
            onVaultStateChange: control.onVaultStateChange,
          }),
        ),
        stop: () => undefined,
      }),
    });
    session = made;
    made.begin();
    const call = async <T = { id: string }>(channel: string, input?: unknown): Promise<T> => {
      const result = await made.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    await call('encryption.turnOn', { method: 'passphrase', passphrase: PASSPHRASE });
    await call('capture.saveOwnAddresses', { ownAddresses: [SAM] });
    await call('contacts.create', { name: 'Priya Raman', companyName: 'Northwind', email: PRIYA });
    const logged = () => (made.vault()!.db.prepare('SELECT COUNT(*) AS n FROM touchpoints').get() as { n: number }).n;

    // Locked (as the idle timer, the screen lock or sleep do) once a few messages are logged.
    let atLock = -1;
    onProgress = (status) => {
      if (atLock < 0 && (status.progress?.logged ?? 0) >= 3) {
        made.lock();
        atLock = logged();
      }
    };
    await call('mailbox.connect', { account: { host: '127.0.0.1', port: server.port, security: 'none', allowUnencryptedOnThisComputer: true, user: server.user, since: '2026-01-01' }, password: server.password });
    await expect.poll(() => atLock >= 0 && events.at(-1)?.state === 'idle', { timeout: 30_000 }).toBe(true);
    expect(made.isLocked()).toBe(true);
    expect(atLock).toBeLessThan(MESSAGES);
    // The sync ended without a word to the user (it was not theirs to stop), and the locked vault got nothing more.
    expect(events.at(-1)?.lastResult).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logged()).toBe(atLock);

    // Unlocked: it starts again by itself and logs the rest, each message once.
    events.length = 0;
    await call('vault.unlock', { secret: PASSPHRASE });
    await expect.poll(() => events.at(-1)?.lastResult?.outcome, { timeout: 30_000 }).toBe('finished');
    expect(events.map((event) => event.state)).toContain('reading');
    expect(logged()).toBe(MESSAGES);
    const ids = made.vault()!.db.prepare('SELECT DISTINCT message_id FROM touchpoints').all();
    expect(ids).toHaveLength(MESSAGES);
  });
});
