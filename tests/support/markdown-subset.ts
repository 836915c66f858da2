import type { DocNode } from '../../shared/domain/note';

/**
 * A reader for exactly the Markdown subset docToMarkdown writes, back to
 * TipTap JSON: ATX headings, paragraphs with hard breaks, bullet, numbered
 * and task lists nested by indent, quotes, fenced code, rules, and the inline
 * marks bold, italic, strike, code and links, with backslash escapes. It
 * exists to prove the round trip; it is not a general Markdown parser.
 */
export function markdownToDoc(markdown: string): DocNode {
  return { type: 'doc', content: parseBlocks(markdown.replace(/\n$/, '').split('\n')) };
}

const LIST_ITEM = /^(- \[[ x]\] |- |\d+\. )/;
const HEADING = /^(#{1,6})(?: (.*))?$/;

function listKind(marker: string): 'taskList' | 'bulletList' | 'orderedList' {
  return marker.startsWith('- [') ? 'taskList' : marker === '- ' ? 'bulletList' : 'orderedList';
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || LIST_ITEM.test(line) || line.startsWith('```') || line.startsWith('>') || line === '---';
}

function parseBlocks(lines: string[]): DocNode[] {
  const blocks: DocNode[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', attrs: { level: heading[1]!.length }, content: parseInline(heading[2] ?? '') });
      index++;
    } else if (line.startsWith('```')) {
      const end = lines.indexOf('```', index + 1);
      const code = lines.slice(index + 1, end).join('\n');
      blocks.push({ type: 'codeBlock', content: code ? [{ type: 'text', text: code }] : [] });
      index = end + 1;
    } else if (line === '---') {
      blocks.push({ type: 'horizontalRule' });
      index++;
    } else if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (index < lines.length && lines[index]!.startsWith('>')) quoted.push(lines[index++]!.replace(/^> ?/, ''));
      blocks.push({ type: 'blockquote', content: parseBlocks(quoted) });
    } else if (LIST_ITEM.test(line)) {
      const kind = listKind(LIST_ITEM.exec(line)![1]!);
      const items: DocNode[] = [];
      // Items of one list follow each other line by line; a blank line or another kind of marker ends it.
      while (index < lines.length && LIST_ITEM.test(lines[index]!) && listKind(LIST_ITEM.exec(lines[index]!)![1]!) === kind) {
        const marker = LIST_ITEM.exec(lines[index]!)![1]!;
        const pad = ' '.repeat(marker.length);
        const body = [lines[index]!.slice(marker.length)];
        index++;
        while (index < lines.length && lines[index]!.startsWith(pad) && lines[index]!.trim() !== '') body.push(lines[index++]!.slice(pad.length));
        const content = parseBlocks(body);
        items.push(kind === 'taskList' ? { type: 'taskItem', attrs: { checked: marker.includes('[x]') }, content } : { type: 'listItem', content });
      }
      blocks.push({ type: kind, content: items });
    } else {
      const paragraph: string[] = [line];
      index++;
      // A line ending in two spaces is a hard break: the paragraph goes on.
      while (index < lines.length && paragraph.at(-1)!.endsWith('  ') && lines[index]!.trim() !== '' && !startsBlock(lines[index]!)) paragraph.push(lines[index++]!);
      blocks.push({ type: 'paragraph', content: paragraph.flatMap((text, at) => [...(at > 0 ? [{ type: 'hardBreak' }] : []), ...parseInline(at < paragraph.length - 1 ? text.slice(0, -2) : text)]) });
    }
  }
  return blocks;
}

type Mark = NonNullable<DocNode['marks']>[number];

/** Inline Markdown to text nodes; the writer nests its delimiters properly, so each one toggles its mark. */
function parseInline(source: string): DocNode[] {
  const nodes: DocNode[] = [];
  const open = { bold: false, italic: false, strike: false };
  let link: { start: number } | null = null;
  let text = '';
  const activeMarks = (): Mark[] => (Object.keys(open) as (keyof typeof open)[]).filter((mark) => open[mark]).map((type) => ({ type }));
  const flush = (extra: Mark[] = []) => {
    if (text) nodes.push({ type: 'text', text, marks: [...activeMarks(), ...extra] });
    text = '';
  };
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (char === '\\' && at + 1 < source.length) {
      text += source[at + 1];
      at += 2;
    } else if (source.startsWith('***', at)) {
      flush();
      open.bold = !open.bold;
      open.italic = !open.italic;
      at += 3;
    } else if (source.startsWith('**', at)) {
      flush();
      open.bold = !open.bold;
      at += 2;
    } else if (char === '*') {
      flush();
      open.italic = !open.italic;
      at += 1;
    } else if (source.startsWith('~~', at)) {
      flush();
      open.strike = !open.strike;
      at += 2;
    } else if (char === '`') {
      flush();
      const end = source.indexOf('`', at + 1);
      text = source.slice(at + 1, end);
      flush([{ type: 'code' }]);
      at = end + 1;
    } else if (char === '[') {
      flush();
      link = { start: nodes.length };
      at += 1;
    } else if (char === ']' && link && source[at + 1] === '(') {
      flush();
      const end = source.indexOf(')', at + 2);
      const href = decodeURIComponent(source.slice(at + 2, end));
      for (const node of nodes.slice(link.start)) node.marks = [...(node.marks ?? []), { type: 'link', attrs: { href } }];
      link = null;
      at = end + 1;
    } else {
      text += char;
      at += 1;
    }
  }
  flush();
  return nodes;
}

/**
 * Markdown delimiters must hug words, so the writer leaves spaces at the edge
 * of emphasised text outside the emphasis; both sides are compared that way.
 */
function edgeSpacesUnmarked(node: DocNode): DocNode[] {
  if (node.type !== 'text' || !node.marks?.length) return [node];
  const [, before = '', words = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text ?? '') ?? [];
  if (!words) return [{ type: 'text', text: node.text ?? '' }];
  return [...(before ? [{ type: 'text', text: before }] : []), { ...node, text: words }, ...(after ? [{ type: 'text', text: after }] : [])];
}

/**
 * The structure both sides must agree on: empty paragraphs dropped (Markdown
 * has none), neighbouring text with the same marks joined, marks in a fixed
 * order, spaces at the edge of emphasis unemphasised, and only the attributes
 * Markdown can carry.
 */
export function normalizeDoc(node: DocNode): DocNode {
  const out: DocNode = { type: node.type };
  if (node.type === 'heading') out.attrs = { level: Number(node.attrs?.level) || 2 };
  if (node.type === 'taskItem') out.attrs = { checked: node.attrs?.checked === true };
  if (node.type === 'text') {
    out.text = node.text ?? '';
    const marks = (node.marks ?? [])
      .map((mark): Mark => (mark.type === 'link' ? { type: 'link', attrs: { href: String(mark.attrs?.href) } } : { type: mark.type }))
      .sort((a, b) => a.type.localeCompare(b.type));
    if (marks.length > 0) out.marks = marks;
    return out;
  }
  if (node.content) {
    const children: DocNode[] = [];
    for (const child of node.content.map(normalizeDoc).flatMap(edgeSpacesUnmarked)) {
      if (child.type === 'paragraph' && !child.content?.length && node.type !== 'listItem' && node.type !== 'taskItem') continue;
      const last = children.at(-1);
      if (last?.type === 'text' && child.type === 'text' && JSON.stringify(last.marks) === JSON.stringify(child.marks)) last.text += child.text ?? '';
      else children.push(child);
    }
    if (children.length > 0 || node.type !== 'paragraph') out.content = children;
  }
  return out;
}
