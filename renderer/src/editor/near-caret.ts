import { Extension } from '@tiptap/react';
import type { ResolvedPos } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { NoteSection } from './note-sections';

/** The class editor.css gives the blocks kept laid out. */
export const NEAR_CARET_CLASS = 'near-caret';

/**
 * Keeps the blocks the caret is in, or can reach with one key, laid out. The
 * editor's top-level blocks (a long note's sections) are `content-visibility:
 * auto` (editor.css): the browser skips laying out those away from the screen.
 * It decides what is on screen only when it draws its next frame, so a block
 * just made by the editor (Enter, paste, undo, a list indented) starts out
 * skipped, and so does one that stops being kept. A caret at the start of an
 * empty block sits beside an element, not in a text node, which the browser
 * does not count as a selection inside the block. A key typed before that
 * frame went into a block without layout, where the browser could not place
 * the caret after it: the caret stayed before the character, and every later
 * key went in front of it ("Sam" became "amS").
 *
 * So the block holding the caret is never skipped, from the moment the editor
 * draws it, and neither is the block beside it wherever one key takes the
 * caret across (the first or last line of a block; a section's very start or
 * end, as the editor itself makes ↑ and ↓ across sections). The caret moved by
 * the browser is read back before every key (browser-caret.ts), so this follows
 * it one key at a time. Only a few blocks are kept: each one laid out off
 * screen costs every keystroke (a section of forty paragraphs, about 2 ms).
 */
export const NearCaret = Extension.create({
  name: 'nearCaret',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: new PluginKey('nearCaret'),
        state: {
          init: (_config, state) => nearCaret(state),
          apply: (tr, previous, _before, state) => (tr.docChanged || tr.selectionSet ? nearCaret(state) : previous),
        },
        props: {
          decorations(state) {
            return this.getState(state);
          },
        },
      }),
    ];
  },
});

function nearCaret({ doc, selection }: EditorState): DecorationSet {
  const kept = new Set<number>();
  for (const $pos of [selection.$from, selection.$to]) {
    const index = $pos.index(0);
    if ($pos.depth === 0) {
      // Between two blocks (a block selected whole, or everything): both of them.
      kept.add(index - 1).add(index);
      continue;
    }
    kept.add(index);
    if (reachesEdge($pos, 'start')) kept.add(index - 1);
    if (reachesEdge($pos, 'end')) kept.add(index + 1);
  }
  const decorations: Decoration[] = [];
  for (const index of kept) {
    if (index < 0 || index >= doc.childCount) continue;
    const from = selection.$from.posAtIndex(index, 0);
    decorations.push(Decoration.node(from, from + doc.child(index).nodeSize, { class: NEAR_CARET_CLASS }));
  }
  return DecorationSet.create(doc, decorations);
}

/** Whether one key can take the caret from `$pos` out of its top-level block, at its start or its end. */
function reachesEdge($pos: ResolvedPos, edge: 'start' | 'end'): boolean {
  // Only from the block's first (or last) line of text: ↑/↓ from there, ← or → at its very edge.
  for (let depth = 1; depth < $pos.depth; depth++) {
    const index = $pos.index(depth);
    if (edge === 'start' ? index !== 0 : index !== $pos.node(depth).childCount - 1) return false;
  }
  // Out of a section the browser moves the caret only with ← or → (the editor makes ↑ and ↓): from its very edge.
  if ($pos.node(1).type.name !== NoteSection.name) return true;
  return edge === 'start' ? $pos.parentOffset === 0 : $pos.parentOffset === $pos.parent.content.size;
}
