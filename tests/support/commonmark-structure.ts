import MarkdownIt from 'markdown-it';
import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';

/**
 * What a document says, in a form both a TipTap document and a CommonMark
 * parse can be brought to: blocks with their kind and inline runs of text
 * with the marks on them. Two documents that render alike compare equal.
 */
export type Block =
  | { type: 'paragraph'; inline: Run[] }
  | { type: 'heading'; level: number; inline: Run[] }
  | { type: 'code'; language: string; text: string }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'rule' }
  | { type: 'list'; kind: 'bullet' | 'ordered' | 'task' | 'mixed'; start: number; items: { checked: boolean | null; blocks: Block[] }[] }
  | { type: 'unexpected'; what: string };
export type Run = { text: string; marks: string[] } | { break: true };

// ---- from a CommonMark parse (markdown-it: CommonMark plus GFM strikethrough and tables; raw HTML on, as CommonMark has it) ----

const parser = new MarkdownIt({ html: true });
type Token = ReturnType<typeof parser.parse>[number];

/** markdown-it's own cleaning of a link target, so both sides compare as a browser would follow them. */
function normalHref(href: string): string {
  return parser.normalizeLink(href.replace(/%(2[089]|3[CE]|5C|0[9AD])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

const HTML_MARKS: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', s: 'strike', del: 'strike', strike: 'strike' };

export function parseMarkdown(markdown: string): Block[] {
  return blocksOf(parser.parse(markdown, {}), { at: 0 }, null);
}

function blocksOf(tokens: Token[], cursor: { at: number }, until: string | null): Block[] {
  const blocks: Block[] = [];
  while (cursor.at < tokens.length) {
    const token = tokens[cursor.at]!;
    if (until !== null && token.type === until) {
      cursor.at++;
      return blocks;
    }
    cursor.at++;
    switch (token.type) {
      case 'paragraph_open': {
        const inline = tokens[cursor.at++]!;
        cursor.at++; // paragraph_close
        const paragraph: Block = { type: 'paragraph', inline: runsOf(inline.children ?? []) };
        rawText.set(paragraph, inline.content);
        blocks.push(paragraph);
        break;
      }
      case 'heading_open': {
        const inline = tokens[cursor.at++]!;
        cursor.at++;
        blocks.push({ type: 'heading', level: Number(token.tag.slice(1)), inline: runsOf(inline.children ?? []) });
        break;
      }
      case 'fence':
        blocks.push({ type: 'code', language: token.info.trim(), text: token.content.replace(/\n$/, '') });
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        break;
      case 'blockquote_open':
        blocks.push({ type: 'quote', blocks: blocksOf(tokens, cursor, 'blockquote_close') });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items: { checked: boolean | null; blocks: Block[] }[] = [];
        const close = token.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        while (tokens[cursor.at]!.type !== close) {
          cursor.at++; // list_item_open
          items.push({ checked: null, blocks: blocksOf(tokens, cursor, 'list_item_close') });
        }
        cursor.at++;
        const start = token.type === 'ordered_list_open' ? Number(token.attrGet('start') ?? 1) : 0;
        blocks.push(token.type === 'bullet_list_open' ? taskOrBullet(items) : { type: 'list', kind: 'ordered', start, items });
        break;
      }
      default:
        blocks.push({ type: 'unexpected', what: `${token.type} ${JSON.stringify(token.content)}` });
    }
  }
  return blocks;
}

/** The source text of each parsed paragraph, for telling a typed "[ ]" from an escaped one. */
const rawText = new WeakMap<Block, string>();

const TASK_BOX = /^\[( |x)\](?: |$)/;

/** GFM's task list: a bullet list whose every item's text starts with "[ ]" or "[x]", typed as such (not escaped). */
function taskOrBullet(items: { checked: boolean | null; blocks: Block[] }[]): Block {
  const boxes = items.map((item) => {
    const first = item.blocks[0];
    const raw = first?.type === 'paragraph' ? rawText.get(first) : undefined;
    return raw === undefined ? null : TASK_BOX.exec(raw);
  });
  const kind = boxes.every(Boolean) ? 'task' : boxes.some(Boolean) ? 'mixed' : 'bullet';
  return {
    type: 'list',
    kind,
    start: 0,
    items: items.map((item, index) => {
      const box = boxes[index];
      if (kind !== 'task' || !box) return { checked: null, blocks: item.blocks };
      const [first, ...rest] = item.blocks as [Block & { type: 'paragraph' }, ...Block[]];
      const inline = strip(first.inline, box[0].length);
      return { checked: box[1] === 'x', blocks: [...(inline.length > 0 ? [{ type: 'paragraph' as const, inline }] : []), ...rest] };
    }),
  };
}

function strip(runs: Run[], chars: number): Run[] {
  const [first, ...rest] = runs;
  if (!first || 'break' in first) return runs;
  const text = first.text.slice(chars);
  return text ? [{ ...first, text }, ...rest] : rest;
}

function runsOf(children: Token[]): Run[] {
  const runs: Run[] = [];
  const marks: string[] = [];
  const open = (mark: string) => marks.push(mark);
  const close = (mark: string) => {
    const at = marks.lastIndexOf(mark);
    if (at >= 0) marks.splice(at, 1);
    else runs.push({ text: `<unopened ${mark}>`, marks: ['unexpected'] });
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        runs.push({ text: child.content, marks: [...marks] });
        break;
      case 'code_inline':
        runs.push({ text: child.content, marks: [...marks, 'code'] });
        break;
      case 'strong_open':
        open('bold');
        break;
      case 'strong_close':
        close('bold');
        break;
      case 'em_open':
        open('italic');
        break;
      case 'em_close':
        close('italic');
        break;
      case 's_open':
        open('strike');
        break;
      case 's_close':
        close('strike');
        break;
      case 'link_open':
        open(`link:${normalHref(String(child.attrGet('href') ?? ''))}`);
        break;
      case 'link_close':
        close(marks.findLast((mark) => mark.startsWith('link:')) ?? 'link:');
        break;
      case 'hardbreak':
        runs.push({ break: true });
        break;
      case 'html_inline': {
        const anchor = /^<a href="([^"]*)">$/.exec(child.content);
        if (anchor) {
          open(`link:${normalHref(parser.utils.unescapeAll(anchor[1]!))}`);
          break;
        }
        if (child.content === '</a>') {
          close(marks.findLast((mark) => mark.startsWith('link:')) ?? 'link:');
          break;
        }
        const tag = /^<(\/?)([a-z]+)\s*\/?>$/.exec(child.content);
        if (tag?.[2] === 'br') runs.push({ break: true });
        else if (tag && HTML_MARKS[tag[2]!]) (tag[1] ? close : open)(HTML_MARKS[tag[2]!]!);
        else runs.push({ text: child.content, marks: ['unexpected html'] });
        break;
      }
      default:
        runs.push({ text: `${child.type} ${child.content}`, marks: ['unexpected'] });
    }
  }
  if (marks.length > 0) runs.push({ text: `<unclosed ${marks.join(' ')}>`, marks: ['unexpected'] });
  return normalRuns(runs);
}

// ---- from a TipTap document ----

const KNOWN_MARKS = new Set(['bold', 'italic', 'strike', 'code']);

/** The document as the structure above, its unsafe links left out as the export leaves them out. */
export function docStructure(doc: DocNode): Block[] {
  return docBlocks(doc.content ?? []);
}

function docBlocks(nodes: DocNode[]): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case 'paragraph': {
        const inline = docRuns(node.content ?? []);
        return inline.length > 0 ? [{ type: 'paragraph', inline }] : [];
      }
      case 'heading':
        return [{ type: 'heading', level: Math.min(Math.max(Number(node.attrs?.level) || 2, 1), 6), inline: docRuns(node.content ?? []) }];
      case 'codeBlock':
        return [{ type: 'code', language: typeof node.attrs?.language === 'string' ? node.attrs.language : '', text: (node.content ?? []).map((child) => child.text ?? '').join('').replace(/\r\n?/g, '\n') }];
      case 'horizontalRule':
        return [{ type: 'rule' }];
      case 'blockquote':
        return [{ type: 'quote', blocks: docBlocks(node.content ?? []) }];
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        return [
          {
            type: 'list',
            kind: node.type === 'bulletList' ? 'bullet' : node.type === 'orderedList' ? 'ordered' : 'task',
            start: node.type === 'orderedList' ? Number(node.attrs?.start ?? 1) : 0,
            items: (node.content ?? []).map((item) => ({ checked: node.type === 'taskList' ? Boolean(item.attrs?.checked) : null, blocks: docBlocks(item.content ?? []) })),
          },
        ];
      default:
        return [{ type: 'unexpected', what: node.type }];
    }
  });
}

function docRuns(nodes: DocNode[]): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      runs.push({ break: true });
      continue;
    }
    const marks = (node.marks ?? []).flatMap((mark) => {
      if (KNOWN_MARKS.has(mark.type)) return [mark.type];
      const href = String(mark.attrs?.href ?? '');
      return mark.type === 'link' && isSafeExternalUrl(href) ? [`link:${normalHref(href)}`] : [];
    });
    (node.text ?? '').split(/\r\n?|\n/).forEach((text, index) => {
      if (index > 0) runs.push({ break: true });
      runs.push({ text, marks });
    });
  }
  return normalRuns(runs);
}

// ---- the same cleaning for both sides ----

const FLANK_SPACE = /[\t\n\v\f\r\p{Zs}]/u;

/**
 * Runs of equal marks joined, marks sorted; emphasis taken off white space at
 * the edges of an emphasised stretch (Markdown cannot emphasise it there),
 * and line breaks at the end of a block dropped (Markdown cannot end a block
 * with one).
 */
function normalRuns(input: Run[]): Run[] {
  let runs: Run[] = [];
  for (const run of input) {
    if ('break' in run) runs.push(run);
    else for (const char of run.text) runs.push({ text: char, marks: [...new Set(run.marks)].sort() });
  }
  for (const mark of ['bold', 'italic', 'strike']) {
    const has = (index: number) => {
      const run = runs[index];
      return run !== undefined && !('break' in run) && run.marks.includes(mark);
    };
    const isSpace = (index: number) => {
      const run = runs[index] as { text: string; marks: string[] };
      return FLANK_SPACE.test(run.text) && !run.marks.includes('code');
    };
    for (let index = 0; index < runs.length; ) {
      if (!has(index)) {
        index++;
        continue;
      }
      let end = index;
      while (has(end)) end++;
      let from = index;
      let to = end;
      while (from < to && isSpace(from)) from++;
      while (to > from && isSpace(to - 1)) to--;
      for (let at = index; at < end; at++) {
        if (at < from || at >= to) {
          const run = runs[at] as { text: string; marks: string[] };
          runs[at] = { text: run.text, marks: run.marks.filter((other) => other !== mark) };
        }
      }
      index = end;
    }
  }
  while (runs.length > 0 && 'break' in runs[runs.length - 1]!) runs = runs.slice(0, -1);
  const joined: Run[] = [];
  for (const run of runs) {
    const previous = joined[joined.length - 1];
    if (previous && !('break' in previous) && !('break' in run) && previous.marks.join() === run.marks.join()) joined[joined.length - 1] = { ...previous, text: previous.text + run.text };
    else joined.push(run);
  }
  return joined;
}
