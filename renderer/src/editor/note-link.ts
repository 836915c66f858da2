import Link from '@tiptap/extension-link';
import { tokenize } from 'linkifyjs';

/** Runs `work` when the page is idle (or soon, where there is no idle callback). */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2_000 });
  else setTimeout(work, 0);
}

/**
 * The Link mark, with autolink. Linkify builds its scanner (every known top-level domain) on first use: that
 * took several milliseconds, and landed on the first space typed in a note, because TipTap's Link resets
 * linkify whenever an editor closes so that the next one can register its own custom protocols. Notes
 * register none, so the scanner is kept across editors, and built while the app is idle.
 */
export const NoteLink = Link.extend({
  onCreate(event) {
    this.parent?.(event);
    whenIdle(() => tokenize(''));
  },
  onDestroy() {
    // Deliberately not linkify's reset(): see above.
  },
});
