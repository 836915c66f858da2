import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

/** Whether the caret (or, on an empty line, its paragraph) is inside the window. */
function caretOnScreen(): boolean {
  const selection = getSelection();
  if (!selection?.rangeCount || !selection.focusNode) return false;
  let rect = selection.getRangeAt(0).getBoundingClientRect();
  if (!rect.height) {
    const node = selection.focusNode;
    rect = (node instanceof Element ? node : node.parentElement!).getBoundingClientRect();
  }
  return rect.bottom > 0 && rect.top < innerHeight;
}

describe('the caret in a long note', () => {
  it('stays on screen when typing, on Enter and on undo after scrolling away', async () => {
    const { body } = await app.openNoteOf(Array.from({ length: 300 }, () => 'a sentence of the long note '.repeat(12).trim()));
    const page = app.page;
    await body.click();
    await page.keyboard.press('Control+End');

    await page.keyboard.type(' typed at the end');
    expect(await page.evaluate(caretOnScreen)).toBe(true);

    // Enter is the editor's own command, not the browser's typing: the editor has to scroll for it.
    for (let line = 0; line < 40; line++) await page.keyboard.press('Enter');
    await page.keyboard.type('forty lines further down');
    expect(await page.evaluate(caretOnScreen)).toBe(true);

    // Scrolled far away, typing brings the caret back...
    await page.mouse.wheel(0, -1_000_000);
    await expect.poll(() => page.evaluate(caretOnScreen)).toBe(false);
    await page.keyboard.type('!');
    await expect.poll(() => page.evaluate(caretOnScreen)).toBe(true);

    // ...and so does undo.
    await page.mouse.wheel(0, -1_000_000);
    await expect.poll(() => page.evaluate(caretOnScreen)).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(caretOnScreen)).toBe(true);
  });
});
