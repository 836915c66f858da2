import { checkExternalLink } from '#shared/domain/links';
import { AppError } from '../errors';
import type { ShellPort } from './port';

/**
 * The one way a link leaves the app, in both shells: the policy first
 * (shared/domain/links.ts), its reason shown to the user as is when it says
 * no; then the shell hands the link, exactly as checked, to the system.
 */
export async function openExternalLink(shell: Pick<ShellPort, 'openExternal'> | undefined, url: string): Promise<string> {
  const check = checkExternalLink(url);
  if (!check.ok) throw new AppError('INVALID_INPUT', check.reason, 'url');
  if (!shell) throw new AppError('VAULT_UNAVAILABLE', 'This window cannot hand links to your computer. Copy the address instead.');
  try {
    await shell.openExternal(check.url);
  } catch {
    const what = check.url.startsWith('mailto:') ? 'e-mails: is a mail app set up? Copy the text instead' : 'web pages: is a browser set up? Copy the address instead';
    throw new AppError('VAULT_UNAVAILABLE', `Your computer did not open the link. It may have no app for ${what}.`);
  }
  return check.url;
}
