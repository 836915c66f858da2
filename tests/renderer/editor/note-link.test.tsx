import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteExtensions } from '#renderer/editor/extensions';
import type { DocNode } from '#shared/domain/note';

// Linkify is watched through TipTap's Link, which vitest.config.ts has inlined for this.
const linkify = vi.hoisted(() => ({ reset: vi.fn(), tokenize: vi.fn() }));
vi.mock('linkifyjs', async (importOriginal) => {
  const real = await importOriginal<typeof import('linkifyjs')>();
  linkify.reset.mockImplementation(real.reset);
  linkify.tokenize.mockImplementation(real.tokenize);
  return { ...real, reset: linkify.reset, tokenize: linkify.tokenize };
});

const open: Editor[] = [];
function openEditor(): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: noteExtensions(), content: { type: 'doc', content: [{ type: 'paragraph' }] } });
  open.push(editor);
  return editor;
}
const linksIn = (doc: DocNode): string[] => [...(doc.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => String(mark.attrs?.href)), ...(doc.content ?? []).flatMap(linksIn)];

afterEach(() => {
  open.splice(0).forEach((editor) => editor.destroy());
  vi.clearAllMocks();
});

describe('links typed into a note', () => {
  it('become links once a space follows them', () => {
    const editor = openEditor();
    editor.view.dispatch(editor.state.tr.insertText('posting at https://jobs.acme.com/42 ', 1));
    expect(linksIn(editor.getJSON() as DocNode)).toEqual(['https://jobs.acme.com/42']);
  });

  it('have their scanner built while the editor is idle, not on the first space typed', async () => {
    openEditor();
    await vi.waitFor(() => expect(linkify.tokenize).toHaveBeenCalled());
  });

  it('keep that scanner when a note closes, and still link in the next one', () => {
    openEditor().destroy();
    expect(linkify.reset).not.toHaveBeenCalled();

    const next = openEditor();
    next.view.dispatch(next.state.tr.insertText('see https://careers.acme.com ', 1));
    expect(linksIn(next.getJSON() as DocNode)).toEqual(['https://careers.acme.com']);
  });
});
