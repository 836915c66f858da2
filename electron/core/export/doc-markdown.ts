import type { DocNode } from '#shared/domain/note';
import { inlineMarkdownLines } from './markdown-inline';

/**
 * TipTap JSON to CommonMark: headings, paragraphs, lists (bullet, numbered
 * from any start, tasks as GFM writes them), quotes, fenced code, rules,
 * emphasis and safe links. Text that looks like Markdown or HTML stays text.
 * Unknown nodes keep their text. What CommonMark cannot say (an empty
 * paragraph, a line break at the very end of a block, underline) is left out.
 */
export function docToMarkdown(doc: DocNode): string {
  const lines = blockLines(doc.content ?? [], null);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/** A heading line (or lines) of plain text, for the titles an export writes above a document. */
export function markdownHeading(level: number, text: string): string {
  return docToMarkdown({ type: 'doc', content: [{ type: 'heading', attrs: { level }, content: text ? [{ type: 'text', text }] : [] }] }).replace(/\n$/, '');
}

/** Text typed in a plain field as Markdown: paragraphs apart where a blank line was, its other line breaks kept. */
export function plainTextMarkdown(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] }));
  return docToMarkdown({ type: 'doc', content: paragraphs });
}

const LIST_TYPES = new Set(['bulletList', 'orderedList', 'taskList']);
const INLINE_TYPES = new Set(['text', 'hardBreak']);

/**
 * Where a block starts: as the first thing after a list marker (whose
 * character a rule must not repeat, or "- ---" would be read as a rule).
 */
type Marker = '-' | '*' | null;

/** Blocks one after another, a blank line between them; lists side by side alternate their marker so they stay apart. */
function blockLines(nodes: readonly DocNode[], firstAfter: Marker, tightLists = false): string[] {
  const out: string[] = [];
  let previous: { type: string; bullet: '-' | '*'; delimiter: '.' | ')' } | null = null;
  for (const node of groupInline(nodes)) {
    let bullet: '-' | '*' = '-';
    let delimiter: '.' | ')' = '.';
    if (previous && LIST_TYPES.has(node.type) && LIST_TYPES.has(previous.type)) {
      // Two lists in a row would be read as one: the second takes the other marker.
      if ((node.type === 'orderedList') === (previous.type === 'orderedList')) {
        bullet = previous.bullet === '-' ? '*' : '-';
        delimiter = previous.delimiter === '.' ? ')' : '.';
      }
    }
    const lines = block(node, out.length === 0 ? firstAfter : null, bullet, delimiter);
    if (lines.length === 0) continue;
    if (out.length > 0) {
      // In a list item a list may follow its paragraph on the next line, as people write them; elsewhere a blank line.
      const tight = tightLists && previous?.type === 'paragraph' && LIST_TYPES.has(node.type) && canInterruptParagraph(node, lines[0]!);
      if (!tight) out.push('');
    }
    out.push(...lines);
    previous = { type: node.type, bullet, delimiter };
  }
  return out;
}

/** Loose inline nodes among blocks (a malformed document) are read as a paragraph of their own. */
function groupInline(nodes: readonly DocNode[]): DocNode[] {
  const grouped: DocNode[] = [];
  let run: DocNode[] = [];
  const flush = () => {
    if (run.length > 0) grouped.push({ type: 'paragraph', content: run });
    run = [];
  };
  for (const node of nodes) {
    if (INLINE_TYPES.has(node.type)) run.push(node);
    else {
      flush();
      grouped.push(node);
    }
  }
  flush();
  return grouped;
}

/** Only a list whose first item has text on its line (and, numbered, starts at 1) may follow a paragraph line directly. */
function canInterruptParagraph(list: DocNode, firstLine: string): boolean {
  if (/^(?:[-*]|\d+[.)])$/.test(firstLine)) return false;
  return list.type !== 'orderedList' || orderedStart(list) === 1;
}

function orderedStart(list: DocNode): number {
  const start = Math.trunc(Number(list.attrs?.start ?? 1));
  // CommonMark numbers have at most nine digits.
  return Number.isFinite(start) ? Math.min(Math.max(start, 0), 999_999_999 - (list.content?.length ?? 0)) : 1;
}

function block(node: DocNode, firstAfter: Marker, bullet: '-' | '*', delimiter: '.' | ')'): string[] {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkdownLines(node.content ?? []);
    case 'heading':
      return heading(node);
    case 'bulletList':
    case 'taskList':
    case 'orderedList':
      return list(node, bullet, delimiter);
    case 'blockquote': {
      const inner = blockLines(node.content ?? [], null);
      return inner.length === 0 ? ['>'] : inner.map((line) => `> ${line}`);
    }
    case 'codeBlock':
      return codeBlock(node);
    case 'horizontalRule':
      return [firstAfter === '-' ? '***' : '---'];
    default: {
      const content = node.content ?? [];
      if (content.length === 0) return node.text ? inlineMarkdownLines([{ type: 'text', text: node.text }]) : [];
      return content.every((child) => INLINE_TYPES.has(child.type)) ? inlineMarkdownLines(content) : blockLines(content, firstAfter);
    }
  }
}

function heading(node: DocNode): string[] {
  const level = Math.min(Math.max(Math.trunc(Number(node.attrs?.level)) || 2, 1), 6);
  // An ATX heading is one line, so a line break in it is written as HTML. (A setext heading could span
  // lines, but GitHub would read its last line as a table's header if it held a "|".)
  const text = inlineMarkdownLines(node.content ?? [], { firstLineStartsBlock: false, breakAsHtml: true })[0] ?? '';
  return [`${'#'.repeat(level)}${text ? ` ${text}` : ''}`];
}

function list(node: DocNode, bullet: '-' | '*', delimiter: '.' | ')'): string[] {
  const start = node.type === 'orderedList' ? orderedStart(node) : 0;
  return (node.content ?? []).flatMap((item, index) => {
    const marker = node.type === 'orderedList' ? `${start + index}${delimiter} ` : `${bullet} `;
    const content = item.content ?? [];
    const [first, ...rest] = content;
    let lines: string[];
    if (node.type === 'taskList') {
      // The box sits in the first paragraph's line; the item's other blocks align with the text after the bullet.
      const box = item.attrs?.checked ? '[x]' : '[ ]';
      const firstLines = first && first.type === 'paragraph' ? inlineMarkdownLines(first.content ?? [], { firstLineStartsBlock: false }) : [];
      const restLines = blockLines(first && first.type === 'paragraph' ? rest : content, null);
      lines = [firstLines.length > 0 ? `${box} ${firstLines[0]}` : box, ...firstLines.slice(1), ...(restLines.length > 0 ? ['', ...restLines] : [])];
    } else {
      lines = blockLines(content, node.type === 'orderedList' ? null : bullet, true);
    }
    if (lines.length === 0) return [marker.trimEnd()];
    const indent = ' '.repeat(marker.length);
    return lines.map((line, at) => (at === 0 ? `${marker}${line}` : line === '' ? '' : `${indent}${line}`));
  });
}

function codeBlock(node: DocNode): string[] {
  const code = (node.content ?? []).map((child) => (child.type === 'hardBreak' ? '\n' : (child.text ?? ''))).join('');
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // An info string after backticks may not hold a backtick; a language name never needs more than these.
  const language = typeof node.attrs?.language === 'string' && /^[\w+#.-]{1,40}$/.test(node.attrs.language) ? node.attrs.language : '';
  return [`${fence}${language}`, ...(code === '' ? [] : code.split('\n')), fence];
}
