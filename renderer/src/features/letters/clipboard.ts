/** How the letter reached the clipboard. */
export type CopyResult = 'rich' | 'plain';

export const CLIPBOARD_REFUSED = 'Afterview could not use the clipboard. Select the text in the editor and copy it with Ctrl+C (⌘+C on a Mac).';

/**
 * Puts formatted text (for mail apps and word processors) and plain text
 * (for everything else) on the clipboard. Where rich copying is refused or
 * missing, plain text alone still goes; if that fails too, it throws.
 */
export async function copyRichText(html: string, text: string): Promise<CopyResult> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard) throw new Error(CLIPBOARD_REFUSED);
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return 'rich';
    } catch {
      // Some platforms allow only plain text; try that below.
    }
  }
  await copyPlainText(text);
  return 'plain';
}

export async function copyPlainText(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error(CLIPBOARD_REFUSED);
  try {
    await clipboard.writeText(text);
  } catch {
    throw new Error(CLIPBOARD_REFUSED);
  }
}
