import { Extension } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** How far from the selection, in document positions (about characters), blocks are always laid out. */
export const NEAR_CARET = 2_000;
/** The class editor.css gives those blocks. */
export const NEAR_CARET_CLASS = 'near-caret';

/**
 * Keeps the blocks around the caret laid out. The editor's top-level blocks
 * (a long note's sections) are `content-visibility: auto` (editor.css): the
 * browser skips laying out those away from the screen. It decides what is on
 * screen only when it draws its next frame, so a block just made by the editor
 * (Enter, paste, undo, a list indented) starts out skipped; and a caret at the
 * start of an empty block sits beside an element, not in a text node, which
 * the browser does not count as a selection inside the block. A key typed
 * before that frame went into a block without layout, where the browser could
 * not place the caret after it: the caret stayed before the character, and
 * every later key went in front of it ("Sam" became "amS").
 *
 * So the top-level blocks within NEAR_CARET of the selection are never
 * skipped, from the moment the editor draws them. A block leaves that set
 * only when the caret is far from it, out of reach of the keys typed before
 * the browser's next frame (the browser skips a block again from the moment
 * it stops being `visible`, even on screen, until that frame).
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
  const { from, to } = selection;
  // Around each end of a long selection; the browser keeps what lies between laid out itself, as selected.
  const spans = to - from <= 2 * NEAR_CARET ? [[from, to]] : [[from, from], [to, to]];
  const marked = new Set<number>();
  const decorations: Decoration[] = [];
  for (const [start, end] of spans) {
    doc.nodesBetween(Math.max(0, start! - NEAR_CARET), Math.min(doc.content.size, end! + NEAR_CARET), (node: PMNode, pos: number) => {
      if (!marked.has(pos)) {
        marked.add(pos);
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: NEAR_CARET_CLASS }));
      }
      // Only the top-level blocks: they are what editor.css lets the browser skip.
      return false;
    });
  }
  return DecorationSet.create(doc, decorations);
}
