/// <reference lib="dom" />
import fc from 'fast-check';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';
import { expectedBlocks, keyCommands, modelOf, readEditorBlocks, storedBlocks, type Block, type TypingModel, type TypingTarget } from './typing-model';

/**
 * Keys typed in bursts, with no pause between them, as a fast typist, a text
 * expander, a remote desktop or a busy machine delivers them: the text must be
 * what was typed, in order, in the editor and in what is saved. Every other
 * round runs with the CPU slowed four times, so that the browser draws no frame
 * for several keys in a row. The scripts come from a seed (printed; set
 * AFTERVIEW_TYPING_SEED to replay one) and are checked against a model of the
 * keys (typing-model.ts).
 */
let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const SEED = Number(process.env.AFTERVIEW_TYPING_SEED ?? Date.now() % 2 ** 31);
const ROUNDS = Number(process.env.AFTERVIEW_TYPING_ROUNDS ?? 12);
const SLOWED = 4;
/** Two frames after every key instead of none: the same scripts without the race, to check the model itself. */
const PAUSED = process.env.AFTERVIEW_TYPING_PAUSE === '1';

interface Stored {
  doc: Parameters<typeof storedBlocks>[0];
}

/** What the keys act on: the page, and a clipboard the page may read. */
async function typingTarget(page: Page): Promise<TypingTarget> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const twoFrames = () => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  return { page, setClipboard: (text) => page.evaluate((value) => navigator.clipboard.writeText(value), text), afterKey: PAUSED ? twoFrames : undefined };
}

/** Runs one burst of keys at full speed, or with the CPU slowed on odd rounds. */
async function burst(cdp: CDPSession, round: number, model: TypingModel, target: TypingTarget, keys: Iterable<fc.AsyncCommand<TypingModel, TypingTarget>>) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: round % 2 ? SLOWED : 1 });
  try {
    await fc.asyncModelRun(() => ({ model, real: target }), keys);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** The seeded rounds: each gets a new script of keys. */
async function rounds(name: string, round: (keys: Iterable<fc.AsyncCommand<TypingModel, TypingTarget>>, index: number) => Promise<void>) {
  console.info(`${name}: ${ROUNDS} rounds, seed ${SEED}`);
  let index = 0;
  // No shrinking: a shorter script would be replayed on an editor that has moved on.
  await fc.assert(
    fc.asyncProperty(keyCommands(), (keys) => round(keys, index++)),
    { seed: SEED, numRuns: ROUNDS, endOnFailure: true },
  );
}

const paragraphs = (blocks: { text: string; depth: number }[]): Block[] => blocks.map(({ text, depth }) => ({ text, depth, list: 0 }));

describe('typing in bursts', () => {
  it('keeps the text of a short note in the order it was typed, on screen and saved', async () => {
    const { noteId, body } = await app.openNoteOf(['Kind regards,'], 'Short');
    const page = app.page;
    const target = await typingTarget(page);
    const cdp = await page.context().newCDPSession(page);
    await body.click();

    await rounds('short note', async (keys, round) => {
      // Each round starts from an empty note.
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      expect(await readEditorBlocks(page)).toEqual([{ text: '', depth: 0 }]);
      const model = modelOf([{ text: '', depth: 0, list: 0 }], { endsDocument: true, lists: true });
      await burst(cdp, round, model, target, keys);

      expect(await readEditorBlocks(page)).toEqual(expectedBlocks(model));
      await page.keyboard.press('Control+s');
      await expect.poll(async () => storedBlocks((await app.api<Stored>('notes.get', { id: noteId })).doc), { timeout: 10_000 }).toEqual(expectedBlocks(model));
    });
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 120_000);

  it('keeps the text of a letter in the order it was typed, on screen and saved', async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Northwind Traders', role: 'Analyst', stage: 'applied' });
    const endsAt = new Date(Date.now() - 3_600_000);
    const team = Array.from({ length: ROUNDS }, (_, index) => ({ name: `Interviewer ${index + 1}`, title: 'Manager' }));
    const interview = await app.api<{ id: string }>('interviews.create', { openingId: opening.id, startsAt: new Date(endsAt.getTime() - 3_600_000).toISOString(), endsAt: endsAt.toISOString(), timeZone: 'Europe/Berlin', format: 'video', team });
    const letters = await app.api<{ id: string }[]>('letters.list', { interviewId: interview.id });
    const page = app.page;
    const target = await typingTarget(page);
    const cdp = await page.context().newCDPSession(page);

    await rounds('letter', async (keys, round) => {
      // A letter of its own each round: the template's text, then the burst at its end.
      const id = letters[round]!.id;
      await page.goto(`${app.server.url}#/letters/${id}`);
      const body = page.getByRole('textbox', { name: 'Letter text' });
      await body.click();
      await page.keyboard.press('Control+End');
      const before = await readEditorBlocks(page);
      const last = before[before.length - 1]!;
      expect(last.depth).toBe(0);
      const model = modelOf([{ ...last, list: 0 }], { endsDocument: true, lists: true });
      await burst(cdp, round, model, target, keys);

      const expected = [...before.slice(0, -1), ...expectedBlocks(model)];
      expect(await readEditorBlocks(page)).toEqual(expected);
      await page.keyboard.press('Control+s');
      await expect.poll(async () => storedBlocks((await app.api<{ letter: Stored }>('letters.get', { id })).letter.doc), { timeout: 10_000 }).toEqual(expected);
    });
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 120_000);

  it('keeps the text of a 1 MB note in the order it was typed, across the edge of its sections', async () => {
    // 1,677 paragraphs of 600 characters, then six short lines: sections of forty put the last edge between
    // the third and the fourth of them, so the bursts cross it.
    const long = 'word '.repeat(120).trim();
    const tail = ['Six short lines', 'close the note', 'and straddle', 'the edge of', 'its last two', 'sections.'];
    const { noteId, body } = await app.openNoteOf([...Array.from({ length: 1677 }, () => long), ...tail], 'Megabyte');
    const page = app.page;
    expect(await body.locator(':scope > section').count()).toBe(43);
    const target = await typingTarget(page);
    const cdp = await page.context().newCDPSession(page);
    await body.click();
    // One model for every round: each continues the text the last one left.
    const model = modelOf(paragraphs(tail.map((text) => ({ text, depth: 0 }))), { endsDocument: false, lists: false });
    const check = (blocks: { text: string; depth: number }[]) => {
      expect(blocks.slice(1677)).toEqual(expectedBlocks(model));
      expect(blocks.slice(0, 1677).every((block) => block.text === long && block.depth === 0)).toBe(true);
    };

    await rounds('1 MB note', async (keys, round) => {
      // From the end of the note (the editor's own jump: the browser cannot place a caret in a section it has not laid out).
      await page.keyboard.press('Control+End');
      model.caret = { block: model.blocks.length - 1, offset: model.blocks[model.blocks.length - 1]!.text.length };
      await burst(cdp, round, model, target, keys);

      check(await readEditorBlocks(page));
      await page.keyboard.press('Control+s');
      await expect.poll(async () => storedBlocks((await app.api<Stored>('notes.get', { id: noteId })).doc).slice(1677), { timeout: 10_000 }).toEqual(expectedBlocks(model));
      check(storedBlocks((await app.api<Stored>('notes.get', { id: noteId })).doc));
    });
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 180_000);
});
