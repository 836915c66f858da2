import { Node, type Editor } from '@tiptap/react';
import type { ResolvedPos } from '@tiptap/pm/model';
import { Selection, TextSelection } from '@tiptap/pm/state';
import type { DocNode } from '#shared/domain/note';

/**
 * Long notes are edited in sections of blocks. The browser's cost for each
 * key grows with the number of top-level blocks of the editable area (its
 * layout walks them, and `content-visibility` watches each one): a 1 MB note
 * has 1,700 of them. Wrapped in sections of forty (measured against twenty and
 * a hundred), the browser sees 43. Sections exist only in the editor: the
 * stored document stays a flat list of blocks (`flattened` on save), and
 * notes under two hundred blocks are not wrapped.
 */
export const SECTION_SIZE = 40;
/** Below this many top-level blocks, the note is edited as it is stored. */
export const SECTIONS_FROM = 200;
const SECTION = 'noteSection';

/** The document of an editor with sections: either plain blocks, or sections of them. */
export const SectionedDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: '(block+ | noteSection+)',
});

export const NoteSection = Node.create({
  name: SECTION,
  content: 'block+',
  // Pasted or dropped HTML keeps the blocks and drops the wrapper: sections are the editor's own affair.
  parseHTML: () => [{ tag: 'section[data-note-section]', skip: true }],
  renderHTML: () => ['section', { 'data-note-section': '' }, 0],
  addKeyboardShortcuts() {
    return {
      // At a section's edge, Backspace and Delete join the blocks on either side, as if there were no section.
      Backspace: ({ editor }) => joinAcrossSections(editor, 'backward'),
      Delete: ({ editor }) => joinAcrossSections(editor, 'forward'),
      // Enter on an empty line makes a new line, as in a short note: TipTap's Enter first lifts an empty line out
      // of the block around it, which here split the section in two and added no line.
      Enter: ({ editor }) => newLineInSection(editor),
      // The browser cannot place the caret in a section it has not laid out yet (content-visibility), so moves
      // into another section are made here: ↑ and ↓ across a section's edge, Ctrl+Home/End, and ⌘↑/⌘↓ on a Mac.
      ArrowUp: ({ editor }) => stepAcrossSections(editor, 'up'),
      ArrowDown: ({ editor }) => stepAcrossSections(editor, 'down'),
      'Ctrl-Home': ({ editor }) => jumpToEdge(editor, 'start', false),
      'Ctrl-End': ({ editor }) => jumpToEdge(editor, 'end', false),
      'Shift-Ctrl-Home': ({ editor }) => jumpToEdge(editor, 'start', true),
      'Shift-Ctrl-End': ({ editor }) => jumpToEdge(editor, 'end', true),
      'Meta-ArrowUp': ({ editor }) => jumpToEdge(editor, 'start', false),
      'Meta-ArrowDown': ({ editor }) => jumpToEdge(editor, 'end', false),
      'Shift-Meta-ArrowUp': ({ editor }) => jumpToEdge(editor, 'start', true),
      'Shift-Meta-ArrowDown': ({ editor }) => jumpToEdge(editor, 'end', true),
    };
  },
});

/** The document as the editor shows it: wrapped in sections when it is long. */
export function sectioned(doc: DocNode): DocNode {
  const blocks = doc.content ?? [];
  if (blocks.length < SECTIONS_FROM) return doc;
  const sections: DocNode[] = [];
  for (let start = 0; start < blocks.length; start += SECTION_SIZE) sections.push({ type: SECTION, content: blocks.slice(start, start + SECTION_SIZE) });
  return { ...doc, content: sections };
}

/** The document as it is stored: the sections' blocks, one after another. */
export function flattened(doc: DocNode): DocNode {
  if (!doc.content?.some((node) => node.type === SECTION)) return doc;
  return { ...doc, content: doc.content.flatMap((node) => (node.type === SECTION ? (node.content ?? []) : [node])) };
}

function joinAcrossSections(editor: Editor, direction: 'backward' | 'forward'): boolean {
  const { selection } = editor.state;
  if (!selection.empty) return false;
  const $pos = selection.$from;
  const depth = sectionDepth($pos);
  if (depth < 0) return false;
  const sectionIndex = $pos.index(depth - 1);
  if (direction === 'backward') {
    // Only at the very start of a section that has one before it.
    if ($pos.parentOffset > 0 || sectionIndex === 0 || !atEdge($pos, depth, 'start')) return false;
    const boundary = $pos.before(depth);
    return editor
      .chain()
      .command(({ tr }) => {
        tr.join(boundary);
        return true;
      })
      .joinBackward()
      .run();
  }
  if ($pos.parentOffset < $pos.parent.content.size || sectionIndex === $pos.node(depth - 1).childCount - 1 || !atEdge($pos, depth, 'end')) return false;
  const boundary = $pos.after(depth);
  return editor
    .chain()
    .command(({ tr }) => (tr.join(boundary), true))
    .joinForward()
    .run();
}

function newLineInSection(editor: Editor): boolean {
  const { selection } = editor.state;
  const { $from } = selection;
  if (!selection.empty || !$from.parent.isTextblock || $from.parent.content.size > 0 || $from.depth < 2 || $from.node(-1).type.name !== SECTION) return false;
  return editor.commands.splitBlock();
}

/** From a section's first (or last) line to the neighbouring section's nearest text. */
function stepAcrossSections(editor: Editor, direction: 'up' | 'down'): boolean {
  const { state, view } = editor;
  if (!state.selection.empty) return false;
  const $pos = state.selection.$head;
  const depth = sectionDepth($pos);
  if (depth < 0) return false;
  const sectionIndex = $pos.index(depth - 1);
  const up = direction === 'up';
  if (up ? sectionIndex === 0 : sectionIndex === $pos.node(depth - 1).childCount - 1) return false;
  if (!atEdge($pos, depth, up ? 'start' : 'end') || !view.endOfTextblock(direction)) return false;
  const target = up ? Selection.near(state.doc.resolve($pos.before(depth) - 1), -1) : Selection.near(state.doc.resolve($pos.after(depth) + 1), 1);
  view.dispatch(state.tr.setSelection(target).scrollIntoView());
  return true;
}

function jumpToEdge(editor: Editor, edge: 'start' | 'end', extend: boolean): boolean {
  const { state, view } = editor;
  const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
  const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target;
  view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  return true;
}

function sectionDepth($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === SECTION) return depth;
  return -1;
}

/** True when the text block at $pos is the section's first (or last) descendant. */
function atEdge($pos: ResolvedPos, depth: number, edge: 'start' | 'end'): boolean {
  for (let level = depth; level < $pos.depth; level++) {
    const index = $pos.index(level);
    if (edge === 'start' ? index !== 0 : index !== $pos.node(level).childCount - 1) return false;
  }
  return true;
}
