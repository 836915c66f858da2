import { isSafeExternalUrl } from '../../../shared/domain/links';
import type { DocNode } from '../../../shared/domain/note';

/** Characters that would turn plain words into Markdown syntax. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/** A line that starts like a list item ("- ", "+ ", "3. ") stays a line of text. */
function escapeLineStarts(text: string): string {
  return text.replace(/(^|\n)( *)(?:([-+])|(\d+)([.)]))(?= |$|\n)/g, (_match, start: string, spaces: string, sign?: string, digits?: string, dot?: string) =>
    sign ? `${start}${spaces}\\${sign}` : `${start}${spaces}${digits}\\${dot}`,
  );
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
      return `${'#'.repeat(level)} ${inline(node.content ?? [], '')}`;
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
      return isInline ? `${indent}${escapeLineStarts(inline(content, indent))}` : blocks(content, indent).join('\n\n');
    }
  }
}

/** A link target that cannot end the Markdown link early: brackets and spaces percent-encoded. */
function linkTarget(href: string): string {
  return href.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Inline content; a hard break continues on a line indented like the block it is in. */
function inline(nodes: DocNode[], indent: string): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return `  \n${indent}`;
      const raw = escapeMarkdown(node.text ?? '');
      if (raw.trim() === '') return raw;
      // Delimiters hug the words: "** bold **" is not bold in Markdown. (trim's white space is \s's;
      // slicing is linear where a lazy regex over a long text node backtracks.)
      const words = raw.trim();
      const before = raw.slice(0, raw.length - raw.trimStart().length);
      const after = raw.slice(before.length + words.length);
      let text = words;
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`;
        else if (mark.type === 'italic') text = `*${text}*`;
        else if (mark.type === 'strike') text = `~~${text}~~`;
        else if (mark.type === 'code') text = `\`${(node.text ?? '').trim()}\``;
        else if (mark.type === 'link') {
          const href = String(mark.attrs?.href ?? '');
          if (isSafeExternalUrl(href)) text = `[${text}](${linkTarget(href)})`;
        }
      }
      return `${before}${text}${after}`;
    })
    .join('');
}
