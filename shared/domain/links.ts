/**
 * Links the app will hand to the operating system: web pages over https and
 * e-mail drafts. Everything else (file:, javascript:, custom schemes, http)
 * stays closed, because an opened link runs outside the sandbox.
 */
export function isSafeExternalUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname.length > 0 && url.username === '' && url.password === '';
  if (url.protocol === 'mailto:') return !/[\r\n]/.test(decodeURIComponentSafe(url.href));
  return false;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
