import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import { noteExtensions } from '#renderer/editor/extensions';
import { flattened, sectioned, SECTION_SIZE } from '#renderer/editor/note-sections';
import type { DocNode } from '#shared/domain/note';

const LINES = 250;
const open: Editor[] = [];
afterEach(() => open.splice(0).forEach((editor) => editor.destroy()));

function openLongNote(): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const doc: DocNode = { type: 'doc', content: Array.from({ length: LINES }, (_, index) => ({ type: 'paragraph', content: [{ type: 'text', text: `Line ${index}` }] })) };
  const editor = new Editor({ element, extensions: noteExtensions({ sections: true }), content: sectioned(doc) });
  open.push(editor);
  editor.view.focus();
  return editor;
}

/** The browser moves its caret to the start or end of a line, and the editor has not been told yet. */
function browserCaretAt(editor: Editor, line: number, edge: 'start' | 'end'): void {
  const paragraph = [...editor.view.dom.querySelectorAll('p')][line]!;
  const text = paragraph.firstChild!;
  // The selectionchange that would tell the editor is held back, as it is for a moment in a browser.
  const holdBack = (event: Event) => event.stopImmediatePropagation();
  window.addEventListener('selectionchange', holdBack, true);
  try {
    document.getSelection()!.collapse(text, edge === 'start' ? 0 : text.textContent!.length);
  } finally {
    window.removeEventListener('selectionchange', holdBack, true);
  }
}

function press(editor: Editor, key: string): void {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  editor.view.someProp('handleKeyDown', (handle) => handle(editor.view, event));
}

const lines = (editor: Editor): string[] => (flattened(editor.getJSON() as DocNode).content ?? []).map((node) => node.content?.[0]?.text ?? '');

describe('a long note in sections, when a key comes before the editor hears the caret moved', () => {
  it('joins across a section edge at the caret the browser shows', () => {
    const editor = openLongNote();
    editor.commands.setTextSelection(2);
    browserCaretAt(editor, SECTION_SIZE, 'start');
    press(editor, 'Backspace');
    expect(lines(editor)[SECTION_SIZE - 1]).toBe(`Line ${SECTION_SIZE - 1}Line ${SECTION_SIZE}`);
    expect(lines(editor)).toHaveLength(LINES - 1);
  });

  it('joins forward from the end of a section at the caret the browser shows', () => {
    const editor = openLongNote();
    editor.commands.setTextSelection(2);
    browserCaretAt(editor, 2 * SECTION_SIZE - 1, 'end');
    press(editor, 'Delete');
    expect(lines(editor)[2 * SECTION_SIZE - 1]).toBe(`Line ${2 * SECTION_SIZE - 1}Line ${2 * SECTION_SIZE}`);
  });

  it('steps into the next section from the line the browser\'s caret is on', () => {
    const editor = openLongNote();
    editor.commands.setTextSelection(2);
    browserCaretAt(editor, SECTION_SIZE - 1, 'end');
    press(editor, 'ArrowDown');
    expect(editor.state.selection.$head.parent.textContent).toBe(`Line ${SECTION_SIZE}`);
  });
});
