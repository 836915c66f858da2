import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { handleMenuKeys } from './menu-keys';

/**
 * A button that opens a menu: Enter, Space or ArrowDown opens it and focuses the
 * first item, arrows move, Escape closes and returns focus to the button, and
 * focus leaving the whole thing closes it. Spread the returned props on the
 * wrapper, the button and the list; `canOpen` false keeps it shut (e.g. busy).
 */
export function useMenuButton({ canOpen = true, initiallyOpen = false }: { canOpen?: boolean; initiallyOpen?: boolean } = {}) {
  const [open, setOpen] = useState(initiallyOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function openMenu() {
    if (canOpen) setOpen(true);
  }

  return {
    open,
    openMenu,
    close,
    wrapperProps: {
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      },
    },
    buttonProps: {
      ref: buttonRef,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => (open ? close(false) : openMenu()),
      onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
        if (event.key === 'ArrowDown' && !open && canOpen) {
          event.preventDefault();
          setOpen(true);
        } else if (event.key === 'Escape' && open) {
          event.preventDefault();
          close(true);
        }
      },
    },
    menuProps: {
      ref: menuRef,
      id: menuId,
      role: 'menu' as const,
      onKeyDown: (event: KeyboardEvent<HTMLUListElement>) => handleMenuKeys(event, menuRef.current, { close: () => close(true), leave: () => setOpen(false) }),
    },
  };
}
