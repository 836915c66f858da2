/** Why a mailbox sync stopped, for the screen to say and to branch on. */
export type SyncFailureKind =
  | 'settings'
  | 'tls-required'
  | 'auth'
  | 'unreachable'
  | 'tls'
  | 'dropped'
  | 'mailbox'
  | 'server'
  | 'vault';

/** A sync failure with a message for the user; it never holds the password. */
export class SyncFailure extends Error {
  override name = 'SyncFailure';
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
  ) {
    super(message);
  }
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  authenticationFailed?: unknown;
  serverResponseCode?: unknown;
  responseText?: unknown;
  cause?: unknown;
}

/**
 * What went wrong, in words a user can act on, from whatever the IMAP client
 * or the socket threw. `connected` tells a failure to connect from a
 * connection lost during the sync. The server's own words are shown only
 * with the password taken out.
 */
export function failureOf(error: unknown, context: { host: string; port: number; password: string; connected: boolean }): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const found = error as ErrorLike | null;
  const code = String(found?.code ?? (found?.cause as ErrorLike | undefined)?.code ?? '');
  const text = `${String(found?.message ?? '')} ${String(found?.responseText ?? '')}`;
  const where = `${context.host}:${context.port}`;
  if (found?.authenticationFailed || found?.serverResponseCode === 'AUTHENTICATIONFAILED' || code === 'AUTHENTICATIONFAILED') {
    return new SyncFailure('auth', 'The mail server did not accept the user name or password. Check them; some providers (Gmail, iCloud, Outlook.com) need an app password here.');
  }
  if (CERTIFICATE_CODES.has(code) || /certificate/i.test(text)) {
    return new SyncFailure('tls', `The certificate of ${where} could not be trusted (${code || 'not valid'}), so Afterview did not connect and did not send your password.`);
  }
  if (/STARTTLS/i.test(text)) {
    return new SyncFailure('tls', `${where} does not offer STARTTLS, and Afterview does not send your password unencrypted. Try TLS on port 993.`);
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || /wrong version number|ssl3_get_record|tls/i.test(code) || (/^ERR_SSL_/.test(code))) {
    return new SyncFailure('tls', `${where} did not answer with an encrypted (TLS) connection. Check the port (993 for TLS) or choose STARTTLS.`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SyncFailure('unreachable', `The mail server ${context.host} could not be found. Check its name and your connection.`);
  if (!context.connected && ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'GreetingTimeout', 'ECONNRESET', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS', 'NoConnection', 'ETIMEOUT'].includes(code)) {
    return new SyncFailure('unreachable', `No mail server answered at ${where}. Check the server’s name and port, and your connection.`);
  }
  if (context.connected && ['ECONNRESET', 'EPIPE', 'NoConnection', 'ETIMEOUT', 'ETIMEDOUT', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS', 'EConnectionClosed'].includes(code)) {
    return new SyncFailure('dropped', 'The connection to the mail server was lost during the sync. What was logged so far is kept; sync again to continue.');
  }
  if (context.connected && /connection (?:not available|closed)|unexpected close|socket/i.test(text)) {
    return new SyncFailure('dropped', 'The connection to the mail server was lost during the sync. What was logged so far is kept; sync again to continue.');
  }
  const said = redact(oneLine(String(found?.responseText ?? found?.message ?? '')), context.password);
  return new SyncFailure(context.connected ? 'server' : 'unreachable', `The mail server answered with an error${said ? `: “${said}”` : ''}. Nothing was changed.`);
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Takes the password out of a text, as typed and in the base64 forms an AUTHENTICATE exchange carries. */
export function redact(text: string, password: string): string {
  if (!password) return text;
  let result = text;
  const forms = [password, Buffer.from(password).toString('base64')];
  for (const form of forms) result = result.split(form).join('•••');
  return result.includes(password) ? '' : result;
}
