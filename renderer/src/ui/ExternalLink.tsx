import type { MouseEvent, ReactNode } from 'react';
import { isSafeExternalUrl } from '#shared/domain/links';
import { openLink } from './open-link';

/**
 * A link the shell hands to the browser or mail app. Only links the policy
 * lets through become clickable; anything else is shown as its plain address,
 * so the user can still copy it if they trust it. A click never navigates:
 * the link goes through the core (openLink), where the same policy runs in
 * both shells and a refusal is told in the page.
 */
export function ExternalLink({ href, children, className }: { href: string; children?: ReactNode; className?: string }) {
  if (!isSafeExternalUrl(href)) return <span className={className}>{href.replace(/^mailto:/, '')}</span>;
  const mail = href.startsWith('mailto:');
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void openLink(href);
  };
  return (
    <a
      href={href}
      className={className}
      rel="noopener noreferrer"
      onClick={open}
      // A middle click would otherwise ask for a new window.
      onAuxClick={(event) => {
        if (event.button === 1) open(event);
      }}
    >
      {children ?? href}
      {!mail && <span className="sr-only"> (opens in your browser)</span>}
    </a>
  );
}

/** A mailto: link for an address, or the address as text when it cannot be a safe link. */
export function MailLink({ email }: { email: string }) {
  return <ExternalLink href={`mailto:${email}`}>{email}</ExternalLink>;
}
