import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  taskList: 'ul',
  codeBlock: 'pre',
};
const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u' };

/**
 * TipTap JSON to HTML for export and print. Only the node and mark types the
 * editor knows are written; anything else is reduced to its text, so a
 * document can never smuggle markup into a PDF or a file.
 */
export function docToHtml(node: DocNode): string {
  switch (node.type) {
    case 'doc':
      return children(node);
    case 'text':
      return marked(node);
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 2, 1), 6);
      return `<h${level}>${children(node)}</h${level}>`;
    }
    case 'taskItem': {
      const checked = node.attrs?.checked === true;
      return `<li class="task${checked ? ' done' : ''}"><span class="box">${checked ? '☑' : '☐'}</span> ${children(node)}</li>`;
    }
    case 'taskList':
      return `<ul class="tasks">${children(node)}</ul>`;
    default: {
      const tag = BLOCKS[node.type];
      return tag ? `<${tag}>${children(node)}</${tag}>` : children(node);
    }
  }
}

function children(node: DocNode): string {
  return (node.content ?? []).map(docToHtml).join('');
}

function marked(node: DocNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '');
      if (isSafeExternalUrl(href)) html = `<a href="${escapeHtml(href)}">${html}</a>`;
      continue;
    }
    const tag = MARKS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

/** Plain text of a document, as an e-mail body: blank lines between blocks, list items on their own lines. */
export function docToPlainText(doc: DocNode): string {
  return blocks(doc.content ?? []).join('\n\n').trim();
}

function blocks(nodes: DocNode[]): string[] {
  return nodes.map(block).filter((text) => text !== '');
}

function block(node: DocNode): string {
  switch (node.type) {
    case 'bulletList':
      return listItems(node, () => '• ');
    case 'orderedList':
      return listItems(node, (index) => `${index + 1}. `);
    case 'taskList':
      return listItems(node, (_index, item) => (item.attrs?.checked ? '[x] ' : '[ ] '));
    case 'blockquote':
      return blocks(node.content ?? []).map((text) => text.split('\n').map((line) => `> ${line}`).join('\n')).join('\n>\n');
    case 'horizontalRule':
      return '———';
    case 'text':
      return node.text ?? '';
    default: {
      const content = node.content ?? [];
      const inline = content.every((child) => child.type === 'text' || child.type === 'hardBreak');
      return inline ? content.map((child) => (child.type === 'hardBreak' ? '\n' : (child.text ?? ''))).join('') : blocks(content).join('\n\n');
    }
  }
}

function listItems(list: DocNode, prefix: (index: number, item: DocNode) => string): string {
  return (list.content ?? [])
    .map((item, index) => prefix(index, item) + blocks(item.content ?? []).join('\n').replace(/\n/g, '\n   '))
    .join('\n');
}
