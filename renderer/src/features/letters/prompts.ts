import { Extension } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';

/** The text of a prompt, between its positions in the document. */
export interface PromptRange {
  from: number;
  to: number;
  text: string;
}

const PROMPT = /^\[[^\]]*\]$/s;

/**
 * The template's prompts still in a letter: paragraphs that are one bracketed
 * request ("[Name a connection you noticed…]"), meant to be replaced by the
 * user's own words.
 */
export function findPrompts(doc: PMNode): PromptRange[] {
  const found: PromptRange[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'paragraph') return true;
    const text = node.textContent.trim();
    if (PROMPT.test(text)) found.push({ from: pos + 1, to: pos + 1 + node.content.size, text });
    return false;
  });
  return found;
}

/** The first prompt after `position`, or the first one in the letter. */
export function nextPrompt(doc: PMNode, position: number): PromptRange | undefined {
  const prompts = findPrompts(doc);
  return prompts.find((prompt) => prompt.from > position) ?? prompts[0];
}

/**
 * Typing over a whole selected prompt gives plain text: the prompt's italics
 * are a hint for the user, not a style for their words.
 */
export const PromptReplace = Extension.create({
  name: 'promptReplace',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('promptReplace'),
        props: {
          handleTextInput(view, from, to, text) {
            if (from === to) return false;
            const whole = findPrompts(view.state.doc).some((prompt) => prompt.from === from && prompt.to === to);
            if (!whole) return false;
            const tr = view.state.tr.replaceWith(from, to, view.state.schema.text(text));
            // The caret goes after what was typed, as with any typing; mapping alone would leave it selected.
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
