import { isSafeExternalUrl } from '../../../shared/domain/links';
import type { DocNode } from '../../../shared/domain/note';

/** Characters that would turn plain words into Markdown syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * TipTap JSON to Markdown: headings, paragraphs, lists (nested by indent),
 * quotes, code, emphasis and safe links. Unknown nodes keep their text.
 */
export function docToMarkdown(doc: DocNode): string {
  return blocks(doc.content ?? [], '').join('\n\n').trim() + '\n';
}

function blocks(nodes: DocNode[], indent: string): string[] {
  return nodes.map((node) => block(node, indent)).filter((text) => text !== '');
}

function block(node: DocNode, indent: string): string {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 2, 1), 6);
      return `${'#'.repeat(level)} ${inline(node.content ?? [])}`;
    }
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return (node.content ?? [])
        .map((item, index) => {
          const marker =
            node.type === 'orderedList' ? `${index + 1}. ` : node.type === 'taskList' ? (item.attrs?.checked ? '- [x] ' : '- [ ] ') : '- ';
          const [first = '', ...rest] = blocks(item.content ?? [], indent + ' '.repeat(marker.length));
          return [`${indent}${marker}${first.trimStart()}`, ...rest].join('\n');
        })
        .join('\n');
    case 'blockquote':
      return blocks(node.content ?? [], '').join('\n\n').split('\n').map((line) => `${indent}> ${line}`).join('\n');
    case 'codeBlock':
      return `${indent}\`\`\`\n${(node.content ?? []).map((child) => child.text ?? '').join('')}\n${indent}\`\`\``;
    case 'horizontalRule':
      return `${indent}---`;
    default: {
      const content = node.content ?? [];
      const isInline = content.every((child) => child.type === 'text' || child.type === 'hardBreak');
      return isInline ? `${indent}${inline(content)}` : blocks(content, indent).join('\n\n');
    }
  }
}

function inline(nodes: DocNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      let text = escapeMarkdown(node.text ?? '');
      if (text.trim() === '') return text;
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`;
        else if (mark.type === 'italic') text = `*${text}*`;
        else if (mark.type === 'strike') text = `~~${text}~~`;
        else if (mark.type === 'code') text = `\`${node.text ?? ''}\``;
        else if (mark.type === 'link') {
          const href = String(mark.attrs?.href ?? '');
          if (isSafeExternalUrl(href)) text = `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
        }
      }
      return text;
    })
    .join('');
}
