import { describe, expect, it } from 'vitest';
import { checkedAccount, clientOptions, isThisComputer, type MailboxAccount } from '#core/capture/imap/mailbox-account';
import { failureOf, redact, SyncFailure } from '#core/capture/imap/sync-failure';

const account: MailboxAccount = { host: 'imap.example.com', port: 993, security: 'tls', user: 'sam@example.com', password: 'hunter2-Secret' };
const refusal = (changes: Partial<MailboxAccount>) => {
  try {
    checkedAccount({ ...account, ...changes });
  } catch (error) {
    expect(error).toBeInstanceOf(SyncFailure);
    return `${(error as SyncFailure).kind}: ${(error as SyncFailure).message}`;
  }
  return 'accepted';
};

describe('the mailbox account', () => {
  it('knows what a server on this computer is', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isThisComputer(host), host).toBe(true);
    for (const host of ['imap.example.com', '10.0.0.1', '192.168.1.2', '127.0.0.1.example.com', 'localhost.example.com', '::2']) expect(isThisComputer(host), host).toBe(false);
  });

  it('allows an unencrypted connection only to this computer, and only when the user said so', () => {
    expect(refusal({ security: 'none' })).toMatch(/^tls-required: .*only over an encrypted connection/);
    expect(refusal({ security: 'none', allowUnencryptedOnThisComputer: true })).toMatch(/^tls-required/);
    expect(refusal({ security: 'none', host: '127.0.0.1', allowUnencryptedOnThisComputer: false })).toMatch(/^tls-required/);
    expect(refusal({ security: 'none', host: '127.0.0.1', allowUnencryptedOnThisComputer: true })).toBe('accepted');
    expect(refusal({ security: 'starttls', port: 143 })).toBe('accepted');
  });

  it('refuses settings that cannot be right, with a message for each', () => {
    expect(refusal({ host: 'imap example com' })).toMatch(/^settings: .*server’s name/);
    expect(refusal({ host: '' })).toMatch(/^settings/);
    expect(refusal({ port: 0 })).toMatch(/^settings: The port/);
    expect(refusal({ port: 1.5 })).toMatch(/^settings: The port/);
    expect(refusal({ user: ' ' })).toMatch(/^settings: .*user name/);
    expect(refusal({ password: '' })).toMatch(/^settings: .*password/);
    expect(refusal({ security: 'ssl3' as MailboxAccount['security'] })).toMatch(/^settings/);
  });

  it('always verifies certificates, logs nothing, and adds trusted authorities to the system ones', () => {
    const options = clientOptions({ ...account, trustedCertificates: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'not a certificate'] }, { connectMs: 1000, socketMs: 1000 });
    expect(options).toMatchObject({ secure: true, logger: false, emitLogs: false, disableAutoIdle: true, tls: { rejectUnauthorized: true } });
    const ca = options.tls?.ca as string[];
    expect(ca.length).toBeGreaterThan(100);
    expect(ca).toContain('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
    expect(ca).not.toContain('not a certificate');
    expect(clientOptions({ ...account, security: 'starttls' }, { connectMs: 1, socketMs: 1 })).toMatchObject({ secure: false, doSTARTTLS: true });
  });
});

describe('sync failures', () => {
  const context = { host: 'imap.example.com', port: 993, password: 'hunter2-Secret', connected: true };

  it('never repeat the password, as typed or base64-encoded', () => {
    expect(redact('LOGIN sam hunter2-Secret', 'hunter2-Secret')).toBe('LOGIN sam •••');
    const plain = Buffer.from('hunter2-Secret').toString('base64');
    expect(redact(`AUTHENTICATE PLAIN ${plain}`, 'hunter2-Secret')).not.toContain(plain);
    const failure = failureOf({ message: 'NO [SERVERBUG] could not process hunter2-Secret', responseText: 'could not process hunter2-Secret' }, context);
    expect(failure.kind).toBe('server');
    expect(failure.message).not.toContain('hunter2-Secret');
  });

  it('tell a connection that never came from one that was lost', () => {
    expect(failureOf({ code: 'ECONNRESET' }, { ...context, connected: false }).kind).toBe('unreachable');
    expect(failureOf({ code: 'ECONNRESET' }, context).kind).toBe('dropped');
    expect(failureOf({ code: 'ENOTFOUND' }, context).kind).toBe('unreachable');
    expect(failureOf({ code: 'CERT_HAS_EXPIRED' }, { ...context, connected: false }).kind).toBe('tls');
    expect(failureOf({ authenticationFailed: true, message: 'Invalid credentials (Failure)' }, context).kind).toBe('auth');
  });
});
