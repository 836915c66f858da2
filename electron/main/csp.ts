/**
 * The renderer's Content-Security-Policy: only our own scripts and styles, no
 * remote anything. Kept in one place: the protocol handler sends it as a
 * header and renderer/index.html carries the same policy in a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
