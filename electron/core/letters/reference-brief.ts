import type { DocNode } from '#shared/domain/note';

export interface BriefContext {
  referenceName: string;
  role: string;
  companyName: string;
  senderName: string;
}

const text = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const heading = (value: string): DocNode => ({ type: 'heading', attrs: { level: 2 }, content: [text(value)] });
const bullets = (...items: DocNode[][]): DocNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});
/** A prompt the user replaces with their own words, in italics so it stands out. */
const prompt = (value: string): DocNode => text(value, [{ type: 'italic' }]);

/**
 * The built-in reference brief: what a reference needs to know before the
 * call — the position, who may ring and when, and the points worth making.
 * The bracketed prompts are for the user to replace.
 */
export function referenceBriefDoc(context: BriefContext): DocNode {
  const firstName = context.referenceName.trim().split(/\s+/)[0] || context.referenceName;
  return {
    type: 'doc',
    content: [
      paragraph(text(`Hi ${firstName},`)),
      paragraph(
        text(`Thanks again for being willing to vouch for me. I'm in the running for the ${context.role} role at ${context.companyName}, and they may get in touch with you soon. Here is a short brief so the call holds no surprises.`),
      ),
      heading('The position'),
      bullets(
        [text('Role: ', [{ type: 'bold' }]), text(context.role)],
        [text('Company: ', [{ type: 'bold' }]), text(context.companyName)],
        [prompt('[One line on what the team does and why the role appeals to me]')],
      ),
      heading('Who may call, and when'),
      bullets([prompt('[Name and title of the person likely to contact you, if known]')], [prompt('[When to expect it, e.g. within the next two weeks, and by phone or e-mail]')]),
      heading('What would help most'),
      bullets(
        [prompt('[A piece of work we did together, and what came of it]')],
        [prompt('[A strength this role asks for that you have seen first-hand]')],
        [prompt('[Anything they may ask about that you could put in context]')],
      ),
      paragraph(text("If the timing no longer suits you, or you'd rather not take the call after all, just tell me — no problem at all. I'll let you know how it turns out.")),
      paragraph(text('With thanks,'), ...(context.senderName ? [{ type: 'hardBreak' }, text(context.senderName)] : [])),
    ],
  };
}

export function briefSubject(role: string, companyName: string): string {
  return `Reference for the ${role} role at ${companyName}`;
}
