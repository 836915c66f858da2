/// <reference lib="dom" />
import fc from 'fast-check';
import type { Page } from 'playwright-core';

/**
 * What a user's keys should do to the text, written down without a browser: the
 * oracle for the typing bursts (typing-bursts.test.ts). It knows paragraphs and
 * bullet lists, and only the keys whose effect follows from the text alone:
 * every line stays short enough to fit on one line, so ↑/↓ followed by
 * Home/End, and Home/End themselves, land where the text says.
 */
export interface Block {
  text: string;
  /** 0 for a paragraph; 1, 2, … for a bullet item at that nesting level. */
  depth: number;
  /** Which top-level list an item belongs to (0 for a paragraph). */
  list: number;
}

export interface TypingModel {
  /** The stretch of the document the keys may touch; everything before it stays as it was. */
  blocks: Block[];
  caret: { block: number; offset: number };
  /** Whether the region ends the document of an editor that keeps a paragraph after a final list (TipTap's TrailingNode). */
  endsDocument: boolean;
  /** Lists are left out where a region spans a long note's sections: list commands stop at a section's edge. */
  lists: boolean;
  nextList: number;
  /** The lines on the clipboard this round (Ctrl+V pastes them). */
  clipboard: string[];
}

/** The keys of a burst, in order: characters, and keys or chords as Playwright names them ("Shift+Tab"). */
export interface Burst {
  keys: string[];
}

/** Longest line a command may make: short enough for one line in every editor, lists included. */
export const MAX_LINE = 34;

export function modelOf(blocks: Block[], options: { endsDocument: boolean; lists: boolean }): TypingModel {
  const last = blocks.length - 1;
  return { blocks: blocks.map((block) => ({ ...block })), caret: { block: last, offset: blocks[last]!.text.length }, ...options, nextList: Math.max(0, ...blocks.map((block) => block.list)) + 1, clipboard: [] };
}

const current = (model: TypingModel) => model.blocks[model.caret.block]!;

/** Items after `index` nested under it. */
function hasChildren(model: TypingModel, index: number): boolean {
  const block = model.blocks[index]!;
  const next = model.blocks[index + 1];
  return block.depth > 0 && !!next && next.list === block.list && next.depth > block.depth;
}

/** Whether the item at `index` has an earlier sibling at its own level (what Tab needs to nest it). */
function hasPreviousSibling(model: TypingModel, index: number): boolean {
  const { depth, list } = model.blocks[index]!;
  for (let before = index - 1; before >= 0; before--) {
    const block = model.blocks[before]!;
    if (block.list !== list) return false;
    if (block.depth === depth) return true;
    if (block.depth < depth) return false;
  }
  return false;
}

function isLastOfList(model: TypingModel, index: number): boolean {
  const next = model.blocks[index + 1];
  return !next || next.list !== model.blocks[index]!.list;
}

/** TipTap's TrailingNode keeps a paragraph after a list that ends the document. */
function keepTrailingParagraph(model: TypingModel): void {
  const last = model.blocks[model.blocks.length - 1]!;
  if (model.endsDocument && last.depth > 0) model.blocks.push({ text: '', depth: 0, list: 0 });
}

function insertText(model: TypingModel, text: string): void {
  const block = current(model);
  block.text = block.text.slice(0, model.caret.offset) + text + block.text.slice(model.caret.offset);
  model.caret.offset += text.length;
}

function split(model: TypingModel): void {
  const block = current(model);
  const rest = block.text.slice(model.caret.offset);
  block.text = block.text.slice(0, model.caret.offset);
  model.blocks.splice(model.caret.block + 1, 0, { text: rest, depth: block.depth, list: block.list });
  model.caret = { block: model.caret.block + 1, offset: 0 };
}

/** One key (or a few) with its expected effect. Running it only adds its keys to the burst: they are sent together. */
abstract class Key implements fc.Command<TypingModel, Burst> {
  abstract check(model: Readonly<TypingModel>): boolean;
  abstract keys(model: Readonly<TypingModel>): string[];
  abstract apply(model: TypingModel): void;
  abstract toString(): string;
  run(model: TypingModel, burst: Burst): void {
    burst.keys.push(...this.keys(model));
    this.apply(model);
    keepTrailingParagraph(model);
  }
}

class TypeText extends Key {
  constructor(readonly text: string) {
    super();
  }
  check(model: Readonly<TypingModel>) {
    return current(model).text.length + this.text.length <= MAX_LINE;
  }
  keys() {
    return [...this.text];
  }
  apply(model: TypingModel) {
    return insertText(model, this.text);
  }
  toString() {
    return `type ${JSON.stringify(this.text)}`;
  }
}

class Enter extends Key {
  check(model: Readonly<TypingModel>): boolean {
    const block = current(model);
    // An empty item leaves its list (or its level); only where that does not split the list around it.
    return block.depth === 0 || block.text !== '' || (isLastOfList(model, model.caret.block) && !hasChildren(model, model.caret.block));
  }
  keys() {
    return ['Enter'];
  }
  apply(model: TypingModel): void {
    const block = current(model);
    if (block.depth > 0 && block.text === '') {
      block.depth -= 1;
      if (block.depth === 0) block.list = 0;
    } else split(model);
  }
  toString() {
    return 'Enter';
  }
}

class Backspace extends Key {
  check(model: Readonly<TypingModel>): boolean {
    const { block, offset } = model.caret;
    if (offset > 0) return true;
    // At a line's start: only the join of two paragraphs (list items have their own rules).
    const previous = model.blocks[block - 1];
    return !!previous && current(model).depth === 0 && previous.depth === 0 && previous.text.length + current(model).text.length <= MAX_LINE;
  }
  keys() {
    return ['Backspace'];
  }
  apply(model: TypingModel): void {
    const block = current(model);
    if (model.caret.offset > 0) {
      block.text = block.text.slice(0, model.caret.offset - 1) + block.text.slice(model.caret.offset);
      model.caret.offset -= 1;
      return;
    }
    const previous = model.blocks[model.caret.block - 1]!;
    model.caret = { block: model.caret.block - 1, offset: previous.text.length };
    previous.text += block.text;
    model.blocks.splice(model.caret.block + 1, 1);
  }
  toString() {
    return 'Backspace';
  }
}

class Delete extends Key {
  check(model: Readonly<TypingModel>): boolean {
    const { block, offset } = model.caret;
    if (offset < current(model).text.length) return true;
    const next = model.blocks[block + 1];
    return !!next && current(model).depth === 0 && next.depth === 0 && current(model).text.length + next.text.length <= MAX_LINE;
  }
  keys() {
    return ['Delete'];
  }
  apply(model: TypingModel): void {
    const block = current(model);
    if (model.caret.offset < block.text.length) {
      block.text = block.text.slice(0, model.caret.offset) + block.text.slice(model.caret.offset + 1);
      return;
    }
    block.text += model.blocks[model.caret.block + 1]!.text;
    model.blocks.splice(model.caret.block + 1, 1);
  }
  toString() {
    return 'Delete';
  }
}

class Horizontal extends Key {
  constructor(readonly direction: 'left' | 'right') {
    super();
  }
  check(model: Readonly<TypingModel>): boolean {
    const { block, offset } = model.caret;
    return this.direction === 'left' ? block > 0 || offset > 0 : block < model.blocks.length - 1 || offset < current(model).text.length;
  }
  keys() {
    return [this.direction === 'left' ? 'ArrowLeft' : 'ArrowRight'];
  }
  apply(model: TypingModel): void {
    const { block, offset } = model.caret;
    if (this.direction === 'left') model.caret = offset > 0 ? { block, offset: offset - 1 } : { block: block - 1, offset: model.blocks[block - 1]!.text.length };
    else model.caret = offset < current(model).text.length ? { block, offset: offset + 1 } : { block: block + 1, offset: 0 };
  }
  toString() {
    return (this.direction === 'left' ? 'ArrowLeft' : 'ArrowRight');
  }
}

/** ↑ or ↓ to the neighbouring line, then Home or End: where the caret lands does not depend on the font. */
class Vertical extends Key {
  constructor(
    readonly direction: 'up' | 'down',
    readonly edge: 'Home' | 'End',
  ) {
    super();
  }
  check(model: Readonly<TypingModel>) {
    return (this.direction === 'up' ? model.caret.block > 0 : model.caret.block < model.blocks.length - 1);
  }
  keys() {
    return [this.direction === 'up' ? 'ArrowUp' : 'ArrowDown', this.edge];
  }
  apply(model: TypingModel): void {
    const block = model.caret.block + (this.direction === 'up' ? -1 : 1);
    model.caret = { block, offset: this.edge === 'Home' ? 0 : model.blocks[block]!.text.length };
  }
  toString() {
    return `${this.direction === 'up' ? 'ArrowUp' : 'ArrowDown'} ${this.edge}`;
  }
}

class LineEdge extends Key {
  constructor(readonly edge: 'Home' | 'End') {
    super();
  }
  check() {
    return true;
  }
  keys() {
    return [this.edge];
  }
  apply(model: TypingModel) {
    model.caret.offset = this.edge === 'Home' ? 0 : current(model).text.length;
  }
  toString() {
    return this.edge;
  }
}

/** "- " at the start of an empty paragraph makes it a bullet item (TipTap's input rule), joining a list just above. */
class StartList extends Key {
  check(model: Readonly<TypingModel>) {
    return model.lists && current(model).depth === 0 && current(model).text === '';
  }
  keys() {
    return ['-', ' '];
  }
  apply(model: TypingModel): void {
    const previous = model.blocks[model.caret.block - 1];
    const block = current(model);
    block.depth = 1;
    block.list = previous && previous.depth > 0 ? previous.list : model.nextList++;
  }
  toString() {
    return 'type "- " (a bullet list)';
  }
}

class Indent extends Key {
  check(model: Readonly<TypingModel>) {
    return current(model).depth > 0 && hasPreviousSibling(model, model.caret.block) && !hasChildren(model, model.caret.block);
  }
  keys() {
    return ['Tab'];
  }
  apply(model: TypingModel) {
    current(model).depth += 1;
  }
  toString() {
    return 'Tab';
  }
}

class Outdent extends Key {
  check(model: Readonly<TypingModel>) {
    return current(model).depth > 0 && !hasChildren(model, model.caret.block);
  }
  keys() {
    return ['Shift+Tab'];
  }
  apply(model: TypingModel): void {
    const index = model.caret.block;
    const block = current(model);
    if (block.depth > 1) {
      // Its later siblings move under it, at the level they were at.
      block.depth -= 1;
      return;
    }
    // Out of the list, which splits around it.
    const list = block.list;
    block.depth = 0;
    block.list = 0;
    const after = model.nextList++;
    for (let next = index + 1; next < model.blocks.length && model.blocks[next]!.list === list; next++) model.blocks[next]!.list = after;
  }
  toString() {
    return 'Shift+Tab';
  }
}

/** Ctrl+V of the round's plain text: one line is inserted in place, more lines become paragraphs. */
class Paste extends Key {
  check(model: Readonly<TypingModel>): boolean {
    const lines = model.clipboard;
    const block = current(model);
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    if (lines.length === 1) return block.text.length + first.length <= MAX_LINE;
    return block.depth === 0 && model.caret.offset + first.length <= MAX_LINE && last.length + block.text.length - model.caret.offset <= MAX_LINE;
  }
  keys() {
    return ['Control+v'];
  }
  apply(model: TypingModel): void {
    model.clipboard.forEach((line, index) => {
      if (index > 0) split(model);
      insertText(model, line);
    });
  }
  toString() {
    return 'Ctrl+V';
  }
}

/** Undo n times, then redo n times: whatever the history grouped together, the text and the caret come back. */
class UndoRedo extends Key {
  constructor(readonly times: number) {
    super();
  }
  check() {
    return true;
  }
  keys() {
    return [...Array<string>(this.times).fill('Control+z'), ...Array<string>(this.times).fill('Control+Shift+z')];
  }
  apply() {}
  toString() {
    return `undo ×${this.times}, redo ×${this.times}`;
  }
}

const word = fc.stringMatching(/^[a-z]{1,6}$/);
const typed = fc.oneof(word, word.map((text) => `${text} `), fc.tuple(word, word).map(([a, b]) => `${a[0]!.toUpperCase()}${a.slice(1)} ${b}`));

export interface Round {
  /** What Ctrl+V pastes this round. */
  clipboard: string[];
  keys: Iterable<fc.Command<TypingModel, Burst>>;
}

/** A round: the clipboard's lines, and the keys of the burst, weighted so that Enter and typing often follow each other. */
export function rounds(): fc.Arbitrary<Round> {
  const key = fc.oneof(
    { weight: 8, arbitrary: typed.map((text) => new TypeText(text)) },
    { weight: 5, arbitrary: fc.constant(new Enter()) },
    { weight: 3, arbitrary: fc.constant(new Backspace()) },
    { weight: 2, arbitrary: fc.constant(new Delete()) },
    { weight: 3, arbitrary: fc.constantFrom('left' as const, 'right' as const).map((direction) => new Horizontal(direction)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('up' as const, 'down' as const), fc.constantFrom('Home' as const, 'End' as const)).map(([direction, edge]) => new Vertical(direction, edge)) },
    { weight: 1, arbitrary: fc.constantFrom('Home' as const, 'End' as const).map((edge) => new LineEdge(edge)) },
    { weight: 2, arbitrary: fc.constant(new StartList()) },
    { weight: 2, arbitrary: fc.constant(new Indent()) },
    { weight: 1, arbitrary: fc.constant(new Outdent()) },
    { weight: 2, arbitrary: fc.constant(new Paste()) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).map((times) => new UndoRedo(times)) },
  );
  return fc.record({ clipboard: fc.array(word, { minLength: 1, maxLength: 3 }), keys: fc.commands([key], { size: 'max', maxCommands: 36 }) });
}

/**
 * The editor's blocks as the model writes them, read from the page: paragraphs and headings at depth 0,
 * bullet items at their nesting level; a long note's sections are looked through.
 */
export function readEditorBlocks(page: Page): Promise<{ text: string; depth: number }[]> {
  return page.getByRole('textbox', { name: /text/i }).first().evaluate((root) => {
    const blocks: { text: string; depth: number }[] = [];
    const walk = (element: Element, depth: number) => {
      for (const child of Array.from(element.children)) {
        if (child.matches('section')) walk(child, depth);
        else if (child.matches('ul, ol')) walk(child, depth + 1);
        else if (child.matches('li')) walk(child, depth);
        else blocks.push({ text: child.textContent ?? '', depth });
      }
    };
    walk(root, 0);
    return blocks;
  });
}

interface DocJSON {
  type: string;
  text?: string;
  content?: DocJSON[];
}

/** The same reading of a stored document. */
export function storedBlocks(doc: DocJSON): { text: string; depth: number }[] {
  const blocks: { text: string; depth: number }[] = [];
  const textOf = (node: DocJSON): string => node.text ?? (node.content ?? []).map(textOf).join('');
  const walk = (node: DocJSON, depth: number) => {
    for (const child of node.content ?? []) {
      if (child.type === 'noteSection' || child.type === 'listItem') walk(child, depth);
      else if (child.type === 'bulletList' || child.type === 'orderedList') walk(child, depth + 1);
      else blocks.push({ text: textOf(child), depth });
    }
  };
  walk(doc, 0);
  return blocks;
}

/** The model's region as the editor should show it. */
export const expectedBlocks = (model: TypingModel) => model.blocks.map(({ text, depth }) => ({ text, depth }));
