import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

interface StoredNote {
  doc: { type: string; content: { type: string; content?: { text: string }[] }[] };
}

/** The note's stored paragraphs, as text. */
async function storedParagraphs(id: string): Promise<string[]> {
  const note = await app.api<StoredNote>('notes.get', { id });
  expect(new Set(note.doc.content.map((node) => node.type))).toEqual(new Set(['paragraph']));
  return note.doc.content.map((node) => node.content?.map((text) => text.text).join('') ?? '');
}

describe('a long note, edited in sections', () => {
  it('joins paragraphs across a section edge with Backspace and Delete, jumps to its end, and is stored as it was', async () => {
    const paragraphs = Array.from({ length: 250 }, (_, index) => `Line ${index}`);
    const { noteId, body } = await app.openNoteOf(paragraphs);
    const page = app.page;
    // Sections of forty: "Line 40" opens the second, "Line 79" closes it.
    expect(await body.locator(':scope > section').count()).toBe(7);

    // The caret is moved by keys, not clicks: sections come into layout as they near the screen, which moves what a click aims at.
    const goToLine = async (index: number) => {
      await page.keyboard.press('Control+Home');
      // As fast as the driver can: the editor reads the browser's caret before acting at a section's edge.
      for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
    };
    await body.click();
    await goToLine(40);
    expect(await page.evaluate(() => getSelection()?.focusNode?.textContent)).toBe('Line 40');
    await page.keyboard.press('Backspace');
    await expect.poll(() => body.locator('p', { hasText: 'Line 39Line 40' }).count()).toBe(1);

    // "Line 79" is now the 79th paragraph.
    await goToLine(78);
    expect(await page.evaluate(() => getSelection()?.focusNode?.textContent)).toBe('Line 79');
    await page.keyboard.press('End');
    await page.keyboard.press('Delete');
    await expect.poll(() => body.locator('p', { hasText: 'Line 79Line 80' }).count()).toBe(1);

    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and the end');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('At the top: ');
    await page.keyboard.press('Control+s');

    const expected = [...paragraphs];
    expected.splice(79, 2, 'Line 79Line 80');
    expected.splice(39, 2, 'Line 39Line 40');
    expected[0] = `At the top: ${expected[0]}`;
    expected[expected.length - 1] += ' and the end';
    await expect.poll(() => storedParagraphs(noteId), { timeout: 10_000 }).toEqual(expected);
  });
});
