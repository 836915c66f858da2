import { rootCertificates } from 'node:tls';
import type { ImapFlowOptions } from 'imapflow';
import { SyncFailure } from './sync-failure';

/**
 * How to reach the user's mailbox. The password is only ever handed to the
 * IMAP client: never logged, never part of a message (see sync-failure.ts).
 */
export interface MailboxAccount {
  host: string;
  port: number;
  /** Implicit TLS (usually port 993), STARTTLS required (usually 143), or none. */
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
  /** The user's explicit choice to connect without encryption; honoured only for a server on this computer. */
  allowUnencryptedOnThisComputer?: boolean;
  /** Extra certificate authorities (PEM) to trust besides the system's, for a server with its own certificate. */
  trustedCertificates?: readonly string[];
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$|^\[?[0-9a-f:.]+\]?$/i;

/** A server on this computer: what an unencrypted connection may reach. */
export function isThisComputer(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The account checked (a clear message for what is wrong), and the policy on TLS applied. */
export function checkedAccount(account: MailboxAccount): MailboxAccount {
  const host = typeof account.host === 'string' ? account.host.trim() : '';
  if (!host || host.length > 253 || !HOST.test(host)) throw new SyncFailure('settings', 'The mail server’s name is not valid (for example imap.example.com).');
  if (!Number.isInteger(account.port) || account.port < 1 || account.port > 65_535) throw new SyncFailure('settings', 'The port must be a number from 1 to 65535 (993 for most mail servers).');
  if (typeof account.user !== 'string' || !account.user.trim() || account.user.length > 320) throw new SyncFailure('settings', 'Enter the user name of your mailbox (usually your e-mail address).');
  if (typeof account.password !== 'string' || account.password === '' || account.password.length > 1024) throw new SyncFailure('settings', 'Enter the password of your mailbox (or an app password).');
  if (!['tls', 'starttls', 'none'].includes(account.security)) throw new SyncFailure('settings', 'Choose how to connect: TLS or STARTTLS.');
  if (account.security === 'none' && !(account.allowUnencryptedOnThisComputer && isThisComputer(host))) {
    throw new SyncFailure(
      'tls-required',
      'Afterview connects to mail servers only over an encrypted connection (TLS or STARTTLS). An unencrypted connection is allowed only to a server on this computer, and only when you allow it.',
    );
  }
  return { ...account, host };
}

/** imapflow's options for an account: certificates always verified, nothing logged, no IDLE. */
export function clientOptions(account: MailboxAccount, timeouts: { connectMs: number; socketMs: number }): ImapFlowOptions {
  const extraAuthorities = account.trustedCertificates?.filter((pem) => typeof pem === 'string' && pem.includes('BEGIN CERTIFICATE')) ?? [];
  return {
    host: account.host.replace(/^\[(.*)\]$/, '$1'),
    port: account.port,
    secure: account.security === 'tls',
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password },
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(extraAuthorities.length > 0 ? { ca: [...rootCertificates, ...extraAuthorities] } : {}) },
    logger: false,
    emitLogs: false,
    disableAutoIdle: true,
    clientInfo: { name: 'Afterview' },
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    // A hostile or broken server cannot make the app hold more than this for one answer.
    maxLiteralSize: 64 * 1024 * 1024,
    maxResponseSize: 80 * 1024 * 1024,
  };
}
