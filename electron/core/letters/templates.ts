import type { LetterKind } from '#shared/domain/letter';
import type { DocNode } from '#shared/domain/note';

/**
 * The built-in templates, in our own words. They are prompts, not prose: each
 * bracketed paragraph asks the user for something only they can write.
 */
const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : undefined });
const prompt = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });

export interface BuiltInTemplate {
  kind: LetterKind;
  name: string;
  subject: string;
  doc: DocNode;
}

export const BUILT_IN_TEMPLATES: Record<LetterKind, BuiltInTemplate> = {
  thank_you: {
    kind: 'thank_you',
    name: 'Thank-you note',
    subject: 'Thank you — {{role}} interview',
    doc: {
      type: 'doc',
      content: [
        paragraph('Dear {{firstName}},'),
        prompt('[Thank them for something specific from your conversation on {{interviewDate}}: a question they asked, a story they told, a problem they described.]'),
        prompt('[Add one achievement you did not get to mention that fits what the {{role}} role needs.]'),
        prompt('[Name a connection you noticed: a shared interest, a person you both know, or how their plans match your experience.]'),
        prompt('[If an answer came out wrong or thin, add the better version in a sentence or two.]'),
        prompt('[Say what you would contribute to {{company}} in the first months.]'),
        paragraph('Kind regards,'),
        paragraph('{{myName}}'),
      ],
    },
  },
  rejection: {
    kind: 'rejection',
    name: 'Reply to a rejection',
    subject: 'Thank you — {{role}}',
    doc: {
      type: 'doc',
      content: [
        paragraph('Dear {{firstName}},'),
        prompt('[Thank them for letting you know and for the time the team gave you during the process.]'),
        prompt('[Say what you enjoyed or learned about {{company}}, honestly and briefly.]'),
        prompt('[Tell them you would welcome hearing about future roles that fit, and that you would like to stay in touch.]'),
        paragraph('With best wishes,'),
        paragraph('{{myName}}'),
      ],
    },
  },
};

export type TemplateValues = Partial<Record<'firstName' | 'name' | 'title' | 'role' | 'company' | 'interviewDate' | 'myName', string>>;

/** Replaces {{field}} placeholders in every text node; unknown or empty fields are left for the user to see. */
export function fillTemplate(doc: DocNode, values: TemplateValues): DocNode {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key as keyof TemplateValues] || (key === 'myName' ? '' : whole));
  const walk = (node: DocNode): DocNode => ({
    ...node,
    ...(node.text !== undefined ? { text: fill(node.text) } : {}),
    ...(node.content ? { content: node.content.map(walk).filter((child) => child.type !== 'text' || child.text !== '') } : {}),
  });
  return walk(doc);
}

export function fillText(text: string, values: TemplateValues): string {
  return fillTemplate({ type: 'doc', content: [{ type: 'text', text }] }, values).content?.[0]?.text ?? '';
}
