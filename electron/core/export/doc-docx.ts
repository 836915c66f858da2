import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { isSafeExternalUrl } from '#shared/domain/links';
import type { DocNode } from '#shared/domain/note';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const ORDERED = 'afterview-ordered';

interface Context {
  /** Nesting level inside lists, from 0. */
  level: number;
  list: 'bullet' | 'ordered' | null;
  /** Each ordered list restarts its numbering. */
  instance: number;
  quote: boolean;
}

/**
 * TipTap JSON to a Word document: headings, paragraphs, bulleted and numbered
 * lists (nested), quotes, bold, italic, underline, strike, code and links.
 */
export async function docToDocx(doc: DocNode, title: string): Promise<Buffer> {
  let instances = 0;
  const paragraphs: Paragraph[] = [];

  function runs(nodes: DocNode[]): ParagraphChild[] {
    return nodes.flatMap((node): ParagraphChild[] => {
      if (node.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
      if (node.type !== 'text') return runs(node.content ?? []);
      const marks = new Set((node.marks ?? []).map((mark) => mark.type));
      const href = String(node.marks?.find((mark) => mark.type === 'link')?.attrs?.href ?? '');
      const run = new TextRun({
        text: node.text ?? '',
        bold: marks.has('bold'),
        italics: marks.has('italic'),
        underline: marks.has('underline') ? {} : undefined,
        strike: marks.has('strike'),
        font: marks.has('code') ? 'Courier New' : undefined,
        style: marks.has('link') && isSafeExternalUrl(href) ? 'Hyperlink' : undefined,
      });
      return marks.has('link') && isSafeExternalUrl(href) ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
    });
  }

  function walk(nodes: DocNode[], context: Context): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const level = Math.min(Math.max(Number(node.attrs?.level) || 2, 1), 6);
          paragraphs.push(new Paragraph({ heading: HEADINGS[level - 1], children: runs(node.content ?? []) }));
          break;
        }
        case 'bulletList':
        case 'taskList':
          walk(node.content ?? [], { ...context, list: 'bullet', level: context.list ? context.level + 1 : 0 });
          break;
        case 'orderedList':
          walk(node.content ?? [], { ...context, list: 'ordered', instance: ++instances, level: context.list ? context.level + 1 : 0 });
          break;
        case 'listItem':
        case 'taskItem': {
          const [first, ...rest] = node.content ?? [];
          const prefix = node.type === 'taskItem' ? [new TextRun(node.attrs?.checked ? '☑ ' : '☐ ')] : [];
          paragraphs.push(
            new Paragraph({
              children: [...prefix, ...runs(first?.content ?? [])],
              ...(context.list === 'ordered'
                ? { numbering: { reference: ORDERED, level: context.level, instance: context.instance } }
                : { bullet: { level: context.level } }),
            }),
          );
          walk(rest, context);
          break;
        }
        case 'blockquote':
          walk(node.content ?? [], { ...context, quote: true });
          break;
        case 'horizontalRule':
          paragraphs.push(new Paragraph({ thematicBreak: true, children: [] }));
          break;
        case 'codeBlock':
          paragraphs.push(new Paragraph({ children: [new TextRun({ text: (node.content ?? []).map((child) => child.text ?? '').join(''), font: 'Courier New' })] }));
          break;
        default: {
          const content = node.content ?? [];
          if (content.some((child) => child.type !== 'text' && child.type !== 'hardBreak')) walk(content, context);
          else paragraphs.push(new Paragraph({ children: runs(content), ...(context.quote ? { indent: { left: 720 } } : {}) }));
        }
      }
    }
  }

  walk(doc.content ?? [], { level: 0, list: null, instance: 0, quote: false });
  const document = new Document({
    title,
    creator: 'Afterview',
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_unused, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
