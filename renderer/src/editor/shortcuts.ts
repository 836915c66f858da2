const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * TipTap's default key bindings, written the way this platform shows them:
 * "Mod-Shift-8" reads "Ctrl+Shift+8" on Windows and Linux, "⌘⇧8" on a Mac.
 */
export function shortcutLabel(keys: string): string {
  const parts = keys.split('-');
  if (isMac) {
    const mac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
    return parts.map((part) => mac[part] ?? part.toUpperCase()).join('');
  }
  return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part.length === 1 ? part.toUpperCase() : part)).join('+');
}

/** The key that, held while clicking a link, opens it. */
export const CLICK_MODIFIER = isMac ? '⌘' : 'Ctrl';
