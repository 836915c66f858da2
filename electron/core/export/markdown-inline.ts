import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';

/**
 * The inline half of the Markdown export: a block's text with its marks, as
 * CommonMark lines. The rules it follows are CommonMark's own (spec 0.31):
 * - every character that could start syntax is escaped, so typed text stays text;
 * - a line break is a backslash at the end of the line (it survives editors that
 *   strip trailing spaces, and two breaks in a row do not end the paragraph);
 * - white space a parser would strip (at the start or end of a line) is written
 *   as a character reference;
 * - emphasis is written with `*`, `_` or, where the delimiter rules of
 *   CommonMark cannot express it (bold that starts with "(" right after a
 *   letter), as HTML, which CommonMark passes through.
 */
export interface InlineOptions {
  /** Whether the first line starts a block, where "- ", "1. " or "---" would be read as syntax (later lines always do). */
  firstLineStartsBlock?: boolean;
  /** Line breaks as <br>, for an ATX heading, which has one line. */
  breakAsHtml?: boolean;
}

type Emphasis = 'bold' | 'italic' | 'strike';
const EMPHASIS: readonly Emphasis[] = ['bold', 'italic', 'strike'];

interface Segment {
  text: string;
  code: boolean;
  link: string | null;
  bold: boolean;
  italic: boolean;
  strike: boolean;
}

export function inlineMarkdownLines(nodes: readonly DocNode[], options: InlineOptions = {}): string[] {
  const lines = splitLines(nodes);
  // A break at the very end of a block cannot be written in CommonMark.
  while (lines.length > 0 && lines[lines.length - 1]!.length === 0) lines.pop();
  if (lines.length === 0) return [];
  const last = lines.length - 1;
  const rendered = lines.map((segments, index) => {
    const startsBlock = index === 0 ? options.firstLineStartsBlock !== false && !options.breakAsHtml : !options.breakAsHtml;
    let line = renderLine(segments);
    // "[`]:x`](…)" at the start of a block would be read as a link reference definition.
    if (index === 0 && startsBlock && LOOKS_LIKE_DEFINITION.test(line)) line = renderLine(segments, true);
    return fixLineEnds(line, startsBlock, index === last);
  });
  if (options.breakAsHtml) return [rendered.join('<br>')];
  return rendered.map((line, index) => (index < last ? `${line}\\` : line));
}

// ---- from nodes to lines of segments ----

function splitLines(nodes: readonly DocNode[]): Segment[][] {
  const lines: Segment[][] = [[]];
  const add = (node: DocNode) => {
    if (node.type === 'hardBreak') {
      lines.push([]);
      return;
    }
    if (typeof node.text === 'string') {
      const style = styleOf(node);
      node.text.split(/\r\n?|\n/).forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part !== '') push(lines[lines.length - 1]!, { ...style, text: part });
      });
      return;
    }
    // An inline node Afterview does not know keeps its text.
    for (const child of node.content ?? []) add(child);
  };
  for (const node of nodes) add(node);
  return lines.map((line) => (line.some((segment) => segment.bold || segment.italic || segment.strike) ? expelWhiteSpace(line) : line));
}

function styleOf(node: DocNode): Omit<Segment, 'text'> {
  const style = { code: false, link: null as string | null, bold: false, italic: false, strike: false };
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold' || mark.type === 'italic' || mark.type === 'strike' || mark.type === 'code') style[mark.type] = true;
    else if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '');
      // A link the app would not open is left out; its text stays.
      if (isSafeExternalUrl(href)) style.link = href;
    }
    // Underline and anything else has no Markdown: the text stays, plain.
  }
  return style;
}

const sameStyle = (a: Segment, b: Segment) => a.code === b.code && a.link === b.link && a.bold === b.bold && a.italic === b.italic && a.strike === b.strike;

/** Appends a segment, joined to the one before when they look the same. */
function push(line: Segment[], segment: Segment): void {
  const previous = line[line.length - 1];
  if (previous && sameStyle(previous, segment)) line[line.length - 1] = { ...previous, text: previous.text + segment.text };
  else line.push(segment);
}

// ---- what CommonMark calls white space and punctuation, for the delimiter rules ----

const WHITE_SPACE = /^[\t\n\v\f\r\p{Zs}]$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const isWhiteSpace = (char: string) => WHITE_SPACE.test(char);
const isPunctuation = (char: string) => PUNCTUATION.test(char);
const LEADING_WHITE_SPACE = /^[\t\n\v\f\r\p{Zs}]+/u;
const TRAILING_WHITE_SPACE = /[\t\n\v\f\r\p{Zs}]+$/u;

/**
 * Emphasis cannot start or end on white space in Markdown ("** bold **" is
 * not bold), so the white space at the edges of an emphasised stretch is
 * written outside it; all-white stretches lose the emphasis.
 */
function expelWhiteSpace(line: Segment[]): Segment[] {
  let segments = line;
  for (const mark of EMPHASIS) {
    const out: Segment[] = [];
    for (let index = 0; index < segments.length; ) {
      if (!segments[index]![mark]) {
        push(out, segments[index++]!);
        continue;
      }
      let end = index;
      while (end < segments.length && segments[end]![mark]) end++;
      const run = segments.slice(index, end);
      index = end;
      // Code keeps its spaces inside its backticks: only plain text counts as white space here.
      const text = run.map((segment) => (segment.code ? '\u0000'.repeat(segment.text.length) : segment.text)).join('');
      const lead = LEADING_WHITE_SPACE.exec(text)?.[0].length ?? 0;
      const trail = lead === text.length ? 0 : (TRAILING_WHITE_SPACE.exec(text)?.[0].length ?? 0);
      const from = lead;
      const to = text.length - trail;
      let at = 0;
      for (const segment of run) {
        const start = at;
        const stop = at + segment.text.length;
        at = stop;
        const cuts = [start, Math.min(Math.max(from, start), stop), Math.min(Math.max(to, start), stop), stop];
        for (let part = 0; part < 3; part++) {
          if (cuts[part + 1]! <= cuts[part]!) continue;
          push(out, { ...segment, text: segment.text.slice(cuts[part]! - start, cuts[part + 1]! - start), [mark]: part === 1 });
        }
      }
    }
    segments = out;
  }
  return segments;
}

// ---- from segments to tokens, marks properly nested ----

type MarkKind = Emphasis | 'link';
interface Instance {
  kind: MarkKind;
  href: string | null;
  /** Index into the kind's forms (see FORMS); moves on when a form does not parse here. */
  form: number;
}
type Token = { type: 'open' | 'close'; instance: Instance } | { type: 'text'; text: string } | { type: 'code'; text: string };

const LOOKS_LIKE_DEFINITION = /^\[(?:[^\\[\]]|\\.)*\]:/;

const keyOf = (kind: MarkKind, segment: Segment) => (kind === 'link' ? `link:${segment.link}` : kind);
const hasMark = (segment: Segment, kind: MarkKind) => (kind === 'link' ? segment.link !== null : segment[kind]);
/** Outermost first when two marks start together and end together. */
const KINDS: readonly MarkKind[] = ['bold', 'italic', 'strike', 'link'];

function tokensOf(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  const stack: { key: string; instance: Instance }[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const keys = new Set(KINDS.filter((kind) => hasMark(segment, kind)).map((kind) => keyOf(kind, segment)));
    // Close what this segment does not have, and everything opened inside it.
    let keep = stack.findIndex((entry) => !keys.has(entry.key));
    if (keep === -1) keep = stack.length;
    while (stack.length > keep) tokens.push({ type: 'close', instance: stack.pop()!.instance });
    // Open the rest, the one that lasts longest outermost, so marks are split as seldom as possible.
    const opening = KINDS.filter((kind) => hasMark(segment, kind) && !stack.some((entry) => entry.key === keyOf(kind, segment)));
    const lasts = (kind: MarkKind) => {
      let end = index;
      while (end + 1 < segments.length && hasMark(segments[end + 1]!, kind) && keyOf(kind, segments[end + 1]!) === keyOf(kind, segment)) end++;
      return end;
    };
    opening.sort((a, b) => lasts(b) - lasts(a) || KINDS.indexOf(a) - KINDS.indexOf(b));
    for (const kind of opening) {
      const instance: Instance = { kind, href: kind === 'link' ? segment.link : null, form: 0 };
      stack.push({ key: keyOf(kind, segment), instance });
      tokens.push({ type: 'open', instance });
    }
    tokens.push(segment.code ? { type: 'code', text: segment.text } : { type: 'text', text: segment.text });
  }
  while (stack.length > 0) tokens.push({ type: 'close', instance: stack.pop()!.instance });
  return tokens;
}

// ---- how each token is written ----

/** The ways to write each mark, most readable first; HTML always parses. */
const FORMS: Record<MarkKind, readonly (readonly [string, string])[]> = {
  bold: [['**', '**'], ['__', '__'], ['<strong>', '</strong>']],
  italic: [['*', '*'], ['_', '_'], ['<em>', '</em>']],
  strike: [['~~', '~~'], ['<s>', '</s>']],
  link: [['[', ']'], ['<a>', '</a>']],
};

const ESCAPED = /[\\`*_[\]<>#|~]/g;
/** "&amp;" or "&#32;" would be read as the character they name. */
const ENTITY_LIKE = /&(?=#?[0-9A-Za-z]+;)/g;

export function escapeText(text: string): string {
  return text.replace(ESCAPED, '\\$&').replace(ENTITY_LIKE, '\\&');
}

/** A link target that cannot end the link early: brackets, white space, angle brackets and backslashes percent-encoded. */
function linkTarget(href: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not stay raw in a link target
  return href.replace(/[()<>\\\s\u0000-\u001f\u007f]/gu, (char) =>
    char.charCodeAt(0) < 0x80 ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(char),
  );
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A code span: fenced by more backticks than it holds in a row, padded where its ends would be misread. */
function codeSpan(code: string): string {
  let longest = 0;
  for (const run of code.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code));
  return pad ? `${fence} ${code} ${fence}` : `${fence}${code}${fence}`;
}

function written(tokens: readonly Token[], index: number): string {
  const token = tokens[index]!;
  if (token.type === 'code') return codeSpan(token.text);
  if (token.type === 'text') {
    const text = escapeText(token.text);
    // "!" before a link would make it an image.
    const next = tokens[index + 1];
    return next?.type === 'open' && next.instance.kind === 'link' && text.endsWith('!') ? `${text.slice(0, -1)}\\!` : text;
  }
  const { kind, href, form } = token.instance;
  if (kind === 'link' && form === 0) return token.type === 'open' ? '[' : `](${linkTarget(href!)})`;
  if (kind === 'link') return token.type === 'open' ? `<a href="${escapeAttribute(href!)}">` : '</a>';
  return FORMS[kind][form]![token.type === 'open' ? 0 : 1];
}

const firstChar = (text: string) => String.fromCodePoint(text.codePointAt(0)!);
const lastChar = (text: string) => {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
};

/** CommonMark's delimiter-run rules, as the parser applies them to `char` between `before` and `after`. */
function flanking(before: string, after: string) {
  const left = !isWhiteSpace(after) && (!isPunctuation(after) || isWhiteSpace(before) || isPunctuation(before));
  const right = !isWhiteSpace(before) && (!isPunctuation(before) || isWhiteSpace(after) || isPunctuation(after));
  return { left, right };
}

function parsesAt(delimiter: string, opens: boolean, before: string, after: string): boolean {
  const { left, right } = flanking(before, after);
  if (delimiter[0] === '_') return opens ? left && (!right || isPunctuation(before)) : right && (!left || isPunctuation(after));
  return opens ? left : right;
}

/**
 * Moves marks on to their next form until every delimiter run parses as the
 * mark it stands for. Two runs of the same character side by side would be
 * read as one, so the inner of the two changes ("**_both_**").
 */
function settleForms(tokens: readonly Token[]): void {
  const isDelimiter = (token: Token | undefined): token is Token & { type: 'open' | 'close' } => token?.type === 'open' || token?.type === 'close';
  for (let guard = 0; guard < tokens.length * 3 + 1; guard++) {
    const texts = tokens.map((_, index) => written(tokens, index));
    let moving: Instance | null = null;
    for (let index = 0; index < tokens.length && !moving; index++) {
      const token = tokens[index]!;
      if (!isDelimiter(token)) continue;
      const delimiter = texts[index]!;
      if (token.instance.kind === 'link' || delimiter.startsWith('<')) continue;
      // A line's edges count as white space.
      const before = index === 0 ? ' ' : lastChar(texts[index - 1]!);
      const after = index === tokens.length - 1 ? ' ' : firstChar(texts[index + 1]!);
      const next = tokens[index + 1];
      if (isDelimiter(next) && after === delimiter[0]) moving = next.type === 'open' ? next.instance : token.instance;
      else if (!parsesAt(delimiter, token.type === 'open', before, after)) moving = token.instance;
    }
    if (!moving) return;
    moving.form += 1;
  }
}

function renderLine(segments: readonly Segment[], firstLinkAsHtml = false): string {
  if (segments.length === 1 && !segments[0]!.code && !segments[0]!.link && !segments[0]!.bold && !segments[0]!.italic && !segments[0]!.strike) {
    return escapeText(segments[0]!.text);
  }
  const tokens = tokensOf(segments);
  if (firstLinkAsHtml && tokens[0]?.type === 'open' && tokens[0].instance.kind === 'link') tokens[0].instance.form = 1;
  settleForms(tokens);
  return tokens.map((_, index) => written(tokens, index)).join('');
}

// ---- the edges of a line ----

const reference = (char: string) => `&#${char.codePointAt(0)};`;

/**
 * White space a parser strips (indentation, or spaces before the end of a
 * block) becomes a character reference; where a line starts a block, the
 * marks of a list item, a rule or a setext underline are escaped.
 */
function fixLineEnds(line: string, startsBlock: boolean, endsBlock: boolean): string {
  let fixed = line;
  // JavaScript's \s: what parsers' trim() takes away at a block's ends.
  if (/^\s/.test(fixed)) fixed = reference(fixed[0]!) + fixed.slice(1);
  if (endsBlock && /\s$/.test(fixed)) fixed = fixed.slice(0, -1) + reference(fixed[fixed.length - 1]!);
  if (!startsBlock) return fixed;
  return fixed
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2')
    .replace(/^[-+](?=[ \t]|$)/, '\\$&')
    .replace(/^(?=-+[ \t]*$|=+[ \t]*$)/, '\\');
}
