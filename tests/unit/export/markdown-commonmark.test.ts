import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docToMarkdown, markdownHeading, plainTextMarkdown } from '#core/export/doc-markdown';
import type { DocNode } from '#shared/domain/note';
import { docStructure, parseMarkdown } from '#support/commonmark-structure';

// Every check here reads the export with a real CommonMark parser (markdown-it) and compares
// what it understood with the document the user wrote.

const t = (text: string, ...marks: string[]): DocNode => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((type) => (type.includes(':') ? { type: 'link', attrs: { href: type } } : { type })) } : {}),
});
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const br: DocNode = { type: 'hardBreak' };
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });

function expectSameDocument(source: DocNode): string {
  const markdown = docToMarkdown(source);
  expect(parseMarkdown(markdown), markdown).toEqual(docStructure(source));
  return markdown;
}

describe('Markdown export read by a CommonMark parser', () => {
  it('keeps a code block that holds a fence, and a fence that is longer still', () => {
    const markdown = expectSameDocument(doc({ type: 'codeBlock', attrs: { language: 'md' }, content: [t('Use a fence:\n```js\nlet a;\n```\nor ````\n~~~')] }));
    expect(markdown.startsWith('`````md\n')).toBe(true);
  });

  it('keeps inline code that holds backticks, or starts and ends with a space', () => {
    expectSameDocument(doc(p(t('Run '), t('a `b` c', 'code'), t(' then '), t('`x', 'code'), t(' and '), t(' padded ', 'code'), t(' or '), t('  ', 'code'))));
  });

  it('numbers a list from where it starts, and keeps two lists of a kind apart', () => {
    const markdown = expectSameDocument(
      doc(
        { type: 'orderedList', attrs: { start: 3 }, content: [item(p(t('third'))), item(p(t('fourth')))] },
        { type: 'orderedList', attrs: { start: 1 }, content: [item(p(t('again')))] },
        { type: 'bulletList', content: [item(p(t('one')))] },
        { type: 'bulletList', content: [item(p(t('two')))] },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(t('three'))] }] },
      ),
    );
    expect(markdown).toContain('3. third\n4. fourth');
  });

  it('keeps a paragraph that reads like a rule, a heading, a quote, a list or a setext underline as text', () => {
    expectSameDocument(
      doc(
        p(t('---')),
        p(t('***')),
        p(t('# not a heading')),
        p(t('> not a quote')),
        p(t('- not a list'), br, t('+ nor this'), br, t('12) nor this'), br, t('3. nor this'), br, t('==='), br, t('--'), br, t('* * *')),
        p(t('1986. A great year')),
        p(t('```'), br, t('~~~')),
        p(t('    four spaces'), br, t('\ttab')),
        p(t('[label]: https://example.com')),
      ),
    );
  });

  it('keeps raw HTML, entities and autolinks typed in the text as text', () => {
    expectSameDocument(doc(p(t('<script>alert(1)</script> <b>bold?</b> <!-- c --> &amp; &#32; &copy; <https://example.com> AT&T'))));
  });

  it('keeps white space at the ends of lines, and backslashes at the ends of lines', () => {
    expectSameDocument(doc(p(t('  leading and trailing  ')), p(t('back\\'), br, t('slash\\')), p(t('\u00a0nbsp\u3000')), p(t(' '))));
  });

  it('writes line breaks that survive editors, twice in a row too, and at the start of a paragraph', () => {
    const markdown = expectSameDocument(doc(p(t('one'), br, br, t('three')), p(br, t('after a break'))));
    expect(markdown).toContain('one\\\n\\\nthree');
  });

  it('writes emphasis that CommonMark reads as emphasis, even where its delimiter rules forbid the usual form', () => {
    expectSameDocument(
      doc(
        p(t('I said '), t('really ', 'bold'), t('important', 'bold', 'italic'), t(' things')),
        p(t('a'), t('(b)', 'bold'), t('c')),
        p(t('word'), t('bold', 'bold'), t('both', 'bold', 'italic'), t('end')),
        p(t(' spaced ', 'bold'), t('x'), t(' ', 'italic'), t('y')),
        p(t('snake_case and 2*3*4 and ~tilde~')),
        p(t('strike', 'strike'), t('(through)', 'strike', 'bold')),
        p(t('Wow!'), t('a link', 'https://example.com/a b(1)'), t(' and '), t('code link', 'code', 'https://example.com/'), t(' and '), t('unsafe', 'javascript:alert(1)')),
      ),
    );
  });

  it('keeps lists, quotes and code nested in one another', () => {
    expectSameDocument(
      doc(
        {
          type: 'bulletList',
          content: [
            item(p(t('one')), { type: 'orderedList', content: [item(p(t('inner'), br, t('two lines')), { type: 'codeBlock', content: [t('\tindented\n\n  code')] })] }),
            item(p(), { type: 'horizontalRule' }),
            item(p(t('quoted')), { type: 'blockquote', content: [p(t('q1')), { type: 'bulletList', content: [item(p(t('q2')))] }] }),
          ],
        },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [p(t('[ ] looks like a box')), p(t('second paragraph'))] }] },
        { type: 'bulletList', content: [item(p(t('[x] text, not a task')))] },
      ),
    );
  });

  it('keeps headings with marks, hashes and line breaks', () => {
    expectSameDocument(doc({ type: 'heading', attrs: { level: 2 }, content: [t('Two '), t('lines', 'bold'), br, t('- here #')] }, { type: 'heading', attrs: { level: 3 }, content: [t(' spaced # '), br, t('x')] }));
    expect(parseMarkdown(markdownHeading(1, 'Debrief *not* <b>bold</b> #1 '))).toEqual([{ type: 'heading', level: 1, inline: [{ text: 'Debrief *not* <b>bold</b> #1 ', marks: [] }] }]);
  });

  it('writes plain typed text as paragraphs with its line breaks', () => {
    expect(parseMarkdown(plainTextMarkdown('Next step:\n- call *Ana*\n\n1. then wait'))).toEqual([
      { type: 'paragraph', inline: [{ text: 'Next step:', marks: [] }, { break: true }, { text: '- call *Ana*', marks: [] }] },
      { type: 'paragraph', inline: [{ text: '1. then wait', marks: [] }] },
    ]);
  });
});

// ---- any document the editor can make ----

const PIECES = [
  'a', 'b', 'Zed', 'é', '1', '3', ' ', '  ', '\t', '\u00a0', '\u3000', '*', '**', '_', '`', '``', '~', '~~', '[', ']', '(', ')', '!', '<', '>', '#', '-', '+', '=',
  '.', '\\', '&', '&amp;', '&#32;', ';', '|', ':', '"', "'", '---', '```', '~~~', '1. ', '3) ', '- ', '> ', '# ', '<b>', '</b>', '<!-- c -->', 'https://x.y', '\n',
];
const LINKS = ['https://example.com/a b(c)', 'mailto:someone@example.com', 'https://example.com/x\\y<z>', 'javascript:alert(1)'];

const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const marks = fc
  .record({ bold: fc.boolean(), italic: fc.boolean(), strike: fc.boolean(), code: fc.boolean(), link: fc.option(fc.constantFrom(...LINKS), { freq: 4 }) })
  .map(({ link, ...flags }) => [...Object.entries(flags).filter(([, on]) => on).map(([type]) => ({ type })), ...(link ? [{ type: 'link', attrs: { href: link } }] : [])]);
const textNode = fc.record({ text, marks }).map(({ text: value, marks: list }): DocNode => ({ type: 'text', text: value, ...(list.length ? { marks: list } : {}) }));
const inline = fc.array(fc.oneof({ arbitrary: textNode, weight: 6 }, { arbitrary: fc.constant(br), weight: 1 }), { maxLength: 6 });
const paragraph = inline.map((content): DocNode => ({ type: 'paragraph', content }));
const heading = fc.record({ level: fc.integer({ min: 1, max: 6 }), content: inline }).map(({ level, content }): DocNode => ({ type: 'heading', attrs: { level }, content }));
const codeText = fc.array(fc.constantFrom('a', ' ', '    ', '\t', '`', '```', '~~~', '\n', '#', '- ', '>', '\\', '<b>'), { maxLength: 8 }).map((parts) => parts.join(''));
const codeBlock = fc.record({ code: codeText, language: fc.constantFrom(null, 'ts', 'c++') }).map(({ code, language }): DocNode => ({ type: 'codeBlock', attrs: { language }, content: code ? [t(code)] : [] }));
const rule = fc.constant<DocNode>({ type: 'horizontalRule' });

function block(depth: number): fc.Arbitrary<DocNode> {
  if (depth === 0) return fc.oneof({ arbitrary: paragraph, weight: 4 }, heading, codeBlock, rule);
  const inner = block(depth - 1);
  const children = fc.array(inner, { maxLength: 2 });
  const listItem = fc.tuple(paragraph, children).map(([first, rest]): DocNode => item(first, ...rest));
  const items = fc.array(listItem, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { arbitrary: paragraph, weight: 4 },
    heading,
    codeBlock,
    rule,
    fc.array(inner, { minLength: 1, maxLength: 3 }).map((content): DocNode => ({ type: 'blockquote', content })),
    items.map((content): DocNode => ({ type: 'bulletList', content })),
    fc.tuple(fc.integer({ min: 0, max: 12 }), items).map(([start, content]): DocNode => ({ type: 'orderedList', attrs: { start }, content })),
    fc
      .array(fc.tuple(fc.boolean(), paragraph, children), { minLength: 1, maxLength: 3 })
      .map((list): DocNode => ({ type: 'taskList', content: list.map(([checked, first, rest]) => ({ type: 'taskItem', attrs: { checked }, content: [first, ...rest] })) })),
  );
}

describe('any document', () => {
  it('reads back, through a CommonMark parser, as the document it was written from', () => {
    fc.assert(
      fc.property(fc.array(block(2), { maxLength: 5 }), (content) => {
        const source = doc(...content);
        const markdown = docToMarkdown(source);
        expect(parseMarkdown(markdown), markdown).toEqual(docStructure(source));
      }),
      { numRuns: Number(process.env.MARKDOWN_RUNS ?? 300) },
    );
  }, 120_000);
});
