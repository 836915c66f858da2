import { getSchema } from '@tiptap/react';
import { describe, expect, it } from 'vitest';
import { excerptOf } from '#renderer/editor/excerpt';
import { noteExtensions } from '#renderer/editor/extensions';

const schema = getSchema(noteExtensions());
const paragraph = (text: string) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });
const doc = (...texts: string[]) => schema.nodeFromJSON({ type: 'doc', content: texts.map(paragraph) });

describe('the excerpt of a note for the list', () => {
  it('is the whole text of a short note, blocks joined by a space', () => {
    expect(excerptOf(doc('First line', '', 'Second   line'))).toBe('First line Second line');
    expect(excerptOf(doc())).toBe('');
  });

  it('cuts a long note at a word boundary with an ellipsis, the same however far the note goes on', () => {
    const opening = ['We talked about the team,', '   its roadmap and', 'the on-call rota. '.repeat(8)];
    const short = excerptOf(doc(...opening));
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(140);
    expect(short.startsWith('We talked about the team, its roadmap and the on-call rota.')).toBe(true);
    // A megabyte more after the first words changes nothing.
    expect(excerptOf(doc(...opening, ...Array.from({ length: 1700 }, () => 'word '.repeat(120).trim())))).toBe(short);
  });

  it('finds the first words after a long run of empty blocks', () => {
    expect(excerptOf(doc(...Array.from({ length: 2000 }, () => ''), 'At last some words'))).toBe('At last some words');
  });
});
