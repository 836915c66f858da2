import { describe, expect, it } from 'vitest';
import { docToMarkdown } from '#core/export/doc-markdown';
import { documentHtml, exportDocument, wholeDoc, type ExportableDocument } from '#core/export/document-export';
import type { Printer } from '#core/export/printer';
import { AppError } from '#core/errors';
import type { DocNode } from '#shared/domain/note';
import { docStructure, parseMarkdown } from '#support/commonmark-structure';
import { unzipEntry } from '#support/unzip';

const t = (text: string, ...marks: string[]): DocNode => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const linked = (text: string, href: string): DocNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const item = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });

/** Everything the editor can make, and text that looks like Markdown or HTML but must stay text. */
const body: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('What they asked')] },
    p(t('I said '), t('the churn model', 'bold'), t(' cut losses by '), t('a third', 'italic'), t(', '), t('really', 'bold', 'italic'), t(' and '), t('old plan', 'strike'), t(' in '), t('SQL', 'code'), t('.')),
    p(linked('Their blog', 'https://example.com/blog?a=1&b=(2)'), t(' and '), linked('a trap', 'javascript:alert(1)'), t('.')),
    p(t('First line'), { type: 'hardBreak' }, t('- second line, not a list')),
    p(t('1. Not a numbered list, *not* emphasis, [not] a link, <script>alert(1)</script>, ~tilde~ and a \\ backslash # hash')),
    p(t(' spaced bold ', 'bold'), t('after')),
    {
      type: 'bulletList',
      content: [
        item(p(t('Team size'))),
        item(p(t('Stack')), { type: 'orderedList', content: [item(p(t('Python'))), item(p(t('dbt'), t(' models', 'bold')))] }),
      ],
    },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(t('Send the thank-you'))] }, { type: 'taskItem', attrs: { checked: false }, content: [p(t('Ask about the on-call'))] }] },
    { type: 'blockquote', content: [p(t('We ship every week.'))] },
    { type: 'horizontalRule' },
    { type: 'codeBlock', content: [t('select *\nfrom churn')] },
    { type: 'heading', attrs: { level: 3 }, content: [t('Next')] },
    p(),
    p(t('Done.')),
  ],
};

const document: ExportableDocument = {
  fileStem: 'Debrief: <b>round 2</b> / Northwind',
  title: 'Debrief <script>alert("title")</script> & more',
  subtitle: ['Note on Data Analyst at Northwind', 'Last edited 10 March 2026'],
  body,
};

const noPrinter = undefined;
const fileText = async (format: 'markdown' | 'html') => Buffer.from((await exportDocument(noPrinter, document, format)).dataBase64, 'base64').toString('utf8');

interface DocxParagraph {
  style: string | null;
  list: boolean;
  text: string;
  runs: { text: string; bold: boolean; italic: boolean }[];
  links: string[];
}

/** The paragraphs of word/document.xml: style, list membership, runs with their emphasis, and hyperlink relationship ids. */
function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const inner = match[1] ?? match[2] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
      text: [...run!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(([, text]) => text).join(''),
      bold: /<w:b\/>/.test(run!),
      italic: /<w:i\/>/.test(run!),
    }));
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? null,
      list: inner.includes('<w:numPr>'),
      text: runs.map((run) => run.text).join(''),
      runs,
      links: [...inner.matchAll(/<w:hyperlink[^>]*r:id="([^"]+)"/g)].map(([, id]) => id!),
    };
  });
}

describe('Markdown export', () => {
  it('reads back, through a CommonMark parser, as the same document: headings, marks, safe links, lists, tasks, quotes, rules and code', () => {
    const markdown = docToMarkdown(body);
    expect(parseMarkdown(markdown)).toEqual(docStructure(body));
  });

  it('keeps look-alike syntax as text and drops links the app would not open', () => {
    const markdown = docToMarkdown(body);
    expect(markdown).toContain('1\\. Not a numbered list, \\*not\\* emphasis, \\[not\\] a link, \\<script\\>');
    expect(markdown).toContain('First line\\\n\\- second line, not a list');
    // The space before the bold would be stripped by a parser: it is written as a character reference.
    expect(markdown).toContain('\n&#32;**spaced bold** after');
    expect(markdown).toContain('[Their blog](https://example.com/blog?a=1&b=%282%29)');
    expect(markdown).not.toContain('javascript:');
  });

  it('round-trips the whole exported file, title and subtitle included', async () => {
    const markdown = await fileText('markdown');
    expect(markdown.startsWith('# Debrief \\<script\\>alert("title")\\</script\\> & more\n\n*Note on Data Analyst at Northwind*\n\n*Last edited 10 March 2026*\n\n## What they asked\n')).toBe(true);
    expect(parseMarkdown(markdown)).toEqual(docStructure(wholeDoc(document)));
  });
});

describe('Word export', () => {
  it('keeps headings, list items, emphasis and the link target', async () => {
    const file = await exportDocument(noPrinter, document, 'docx');
    expect(file.fileName).toBe('Debrief b round 2 b Northwind.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const paragraphs = docxParagraphs(unzipEntry(bytes, 'word/document.xml')!);
    const find = (text: string) => paragraphs.find((paragraph) => paragraph.text === text);

    expect(paragraphs[0]).toMatchObject({ style: 'Heading1', text: 'Debrief <script>alert("title")</script> & more'.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') });
    expect(find('What they asked')).toMatchObject({ style: 'Heading2', list: false });
    expect(find('Next')).toMatchObject({ style: 'Heading3' });

    const said = paragraphs.find((paragraph) => paragraph.text.startsWith('I said'))!;
    expect(said.runs.find((run) => run.text === 'the churn model')).toEqual({ text: 'the churn model', bold: true, italic: false });
    expect(said.runs.find((run) => run.text === 'a third')).toEqual({ text: 'a third', bold: false, italic: true });
    expect(said.runs.find((run) => run.text === 'really')).toEqual({ text: 'really', bold: true, italic: true });

    for (const text of ['Team size', 'Stack', 'Python', 'dbt models', '☑ Send the thank-you', '☐ Ask about the on-call']) expect(find(text), text).toMatchObject({ list: true });
    expect(find('Done.')).toMatchObject({ list: false });

    const links = paragraphs.find((paragraph) => paragraph.text.startsWith('Their blog'))!;
    expect(links.links).toHaveLength(1);
    const rels = unzipEntry(bytes, 'word/_rels/document.xml.rels')!;
    expect(rels).toMatch(new RegExp(`Id="${links.links[0]}"[^>]*Target="https://example.com/blog\\?a=1&amp;b=\\(2\\)"|Target="https://example.com/blog\\?a=1&amp;b=\\(2\\)"[^>]*Id="${links.links[0]}"`));
    expect(rels).not.toContain('javascript:');
    expect(unzipEntry(bytes, 'docProps/core.xml')).toContain('<dc:title>Debrief &lt;script&gt;');
  });
});

describe('HTML export', () => {
  it('is one self-contained page under a policy that forbids scripts and outside resources', async () => {
    const html = await fileText('html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`);
    // The only resources are the bundled typefaces, embedded in the page.
    expect(html).not.toMatch(/<script|<link|<iframe|\bsrc=|@import|url\((?!data:font\/woff2;base64,)/i);
    expect(html).toMatch(/@font-face \{ font-family: 'Source Sans 3'; [^}]*src: url\(data:font\/woff2;base64,/);
    expect(html.match(/href="([^"]*)"/g)).toEqual(['href="https://example.com/blog?a=1&amp;b=(2)"']);
  });

  it('never turns hostile text into markup', async () => {
    const html = await fileText('html');
    expect(html).toContain('<title>Debrief &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more</title>');
    expect(html).toContain('<h1>Debrief &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; more</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
    expect(documentHtml({ ...document, subtitle: ['"><img src=x onerror=alert(1)>'] })).toContain('<p class="meta">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('uses a document\'s own print layout when it has one', async () => {
    const file = await exportDocument(noPrinter, { ...document, printHtml: '<!doctype html><title>Letter</title>' }, 'html');
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toBe('<!doctype html><title>Letter</title>');
    expect(file).toMatchObject({ fileName: 'Debrief b round 2 b Northwind.html', mimeType: 'text/html' });
  });
});

describe('PDF export and bad input', () => {
  it('hands the page to the printer', async () => {
    const printed: string[] = [];
    const printer: Printer = { pdf: async (html) => (printed.push(html), Buffer.from('%PDF-1.7 test')), close: async () => undefined };
    const file = await exportDocument(printer, document, 'pdf');
    expect(file).toMatchObject({ fileName: 'Debrief b round 2 b Northwind.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe('%PDF-1.7 test');
    expect(printed).toEqual([documentHtml(document)]);
  });

  it('says clearly when nothing can print, and refuses a format it does not know', async () => {
    await expect(exportDocument(undefined, document, 'pdf')).rejects.toMatchObject({ code: 'VAULT_UNAVAILABLE', message: expect.stringMatching(/^Printing to PDF is not available/) });
    const refused = await exportDocument(undefined, document, 'exe' as never).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'format' });
  });
});
