import type { KeyboardEvent } from 'react';

/**
 * The keyboard of an open menu (role="menu" with role="menuitem" buttons):
 * arrows, Home and End move, Escape closes and hands focus back, Tab leaves.
 */
export function handleMenuKeys(event: KeyboardEvent<HTMLElement>, menu: HTMLElement | null, actions: { close(): void; leave(): void }): void {
  const items = Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
  const index = items.indexOf(document.activeElement as HTMLButtonElement);
  const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
  switch (event.key) {
    case 'ArrowDown':
      focusAt(index + 1);
      break;
    case 'ArrowUp':
      focusAt(index - 1);
      break;
    case 'Home':
      focusAt(0);
      break;
    case 'End':
      focusAt(items.length - 1);
      break;
    case 'Escape':
      actions.close();
      break;
    case 'Tab':
      actions.leave();
      return;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}
