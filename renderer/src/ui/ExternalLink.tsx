import type { ReactNode } from 'react';
import { isSafeExternalUrl } from '../../../shared/domain/links';

/**
 * A link the desktop shell hands to the browser or mail client. Only https and
 * mailto links become clickable; anything else is shown as its plain address,
 * so the user can still copy it if they trust it.
 */
export function ExternalLink({ href, children, className }: { href: string; children?: ReactNode; className?: string }) {
  if (!isSafeExternalUrl(href)) return <span className={className}>{href.replace(/^mailto:/, '')}</span>;
  const mail = href.startsWith('mailto:');
  return (
    <a href={href} className={className} target={mail ? undefined : '_blank'} rel="noopener noreferrer">
      {children ?? href}
      {!mail && <span className="sr-only"> (opens in your browser)</span>}
    </a>
  );
}

/** A mailto: link for an address, or the address as text when it cannot be a safe link. */
export function MailLink({ email }: { email: string }) {
  return <ExternalLink href={`mailto:${email}`}>{email}</ExternalLink>;
}
