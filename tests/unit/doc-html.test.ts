import { describe, expect, it } from 'vitest';
import { docToHtml, docToPlainText } from '#core/export/doc-html';
import { BUILT_IN_TEMPLATES, fillTemplate } from '#core/letters/templates';
import type { DocNode } from '#shared/domain/note';

const doc: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Notes & <ideas>' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' and ' }, { type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.com/a?b=1&c=2' } }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'evil', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sent' }] }] }] },
    { type: 'iframe', content: [{ type: 'text', text: 'unknown node keeps its text' }] },
  ],
};

describe('docToHtml', () => {
  it('writes known nodes and marks, escapes text, keeps only safe links', () => {
    const html = docToHtml(doc);
    expect(html).toContain('<h2>Notes &amp; &lt;ideas&gt;</h2>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2">link</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<ul><li><p>one</p></li><li><p>two</p></li></ul>');
    expect(html).toContain('☑');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('unknown node keeps its text');
  });
});

describe('docToPlainText', () => {
  it('reads like an e-mail: blank lines between blocks, list items on their own lines', () => {
    expect(docToPlainText(doc)).toBe('Notes & <ideas>\n\nBold and link\n\nevil\n\n• one\n• two\n\n[x] sent\n\nunknown node keeps its text');
  });
});

describe('templates', () => {
  it('fill in the person, role and company, leaving the prompts for the user', () => {
    const filled = fillTemplate(BUILT_IN_TEMPLATES.thank_you.doc, { firstName: 'Ana', role: 'Data Analyst', company: 'Northwind', interviewDate: '10 March', myName: 'Sam' });
    const text = docToPlainText(filled);
    expect(text).toMatch(/^Dear Ana,/);
    expect(text).toContain('the Data Analyst role');
    expect(text).toContain('contribute to Northwind');
    expect(text).toContain('10 March');
    expect(text).toMatch(/Sam$/);
    expect(text).not.toContain('{{');
  });

  it('keep an unknown placeholder visible rather than silently dropping it', () => {
    expect(docToPlainText(fillTemplate(BUILT_IN_TEMPLATES.rejection.doc, {}))).toContain('Dear {{firstName}},');
  });
});
