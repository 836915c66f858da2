import { Extension } from '@tiptap/react';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Every key starts from the caret the user sees. The browser moves the caret
 * itself for arrows, Home/End and word moves, and the editor hears of it from a
 * selectionchange event a moment later; a key the editor handles (Enter,
 * Backspace at a line's start, Tab, undo…) pressed within that moment acted
 * where the caret had been: "abc", ←, Enter gave "abc" and an empty line
 * instead of "ab" and "c". So on each key, before any command runs, the
 * editor's selection is brought up to the browser's. Ahead of every keymap.
 */
export const BrowserCaret = Extension.create({
  name: 'browserCaret',
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('browserCaret'),
        props: {
          handleKeyDown(view, event) {
            // Keys composing text (an input method) belong to the composition.
            if (!event.isComposing && event.keyCode !== 229) catchUpWithBrowserCaret(view);
            return false;
          },
        },
      }),
    ];
  },
});

/**
 * Only text carets and ranges are read back: the DOM cannot show the editor's other selections (a whole node,
 * everything) exactly, and those are the editor's own.
 */
function catchUpWithBrowserCaret(view: EditorView): void {
  const { state } = view;
  const browser = view.dom.ownerDocument.getSelection();
  if (!(state.selection instanceof TextSelection) || !browser?.anchorNode || !browser.focusNode) return;
  if (!view.dom.contains(browser.anchorNode) || !view.dom.contains(browser.focusNode)) return;
  let anchor: number, head: number;
  try {
    anchor = view.posAtDOM(browser.anchorNode, browser.anchorOffset);
    head = view.posAtDOM(browser.focusNode, browser.focusOffset);
  } catch {
    return;
  }
  if (anchor === state.selection.anchor && head === state.selection.head) return;
  const caught = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
  if (caught instanceof TextSelection) view.dispatch(state.tr.setSelection(caught));
}
