/// <reference lib="dom" />
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';
import { sendKeys } from './key-burst';
import { expectedBlocks, modelOf, readEditorBlocks, rounds, storedBlocks, type Block, type Burst, type Round, type TypingModel } from './typing-model';

/**
 * Keys typed in bursts, all sent at once as a text expander, a remote desktop
 * or a fast typist on a busy machine delivers them: the text must be what was
 * typed, in order, in the editor and in what is saved. Every other round runs
 * with the CPU slowed four times. The scripts come from a seed (printed; set
 * AFTERVIEW_TYPING_SEED to replay one) and are checked against a model of the
 * keys (typing-model.ts).
 */
let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

const SEED = Number(process.env.AFTERVIEW_TYPING_SEED ?? Date.now() % 2 ** 31);
const ROUNDS = Number(process.env.AFTERVIEW_TYPING_ROUNDS ?? 8);
const SLOWED = 4;
/** One key at a time with two frames after each: the same scripts without the race, to check the model itself. */
const PAUSED = process.env.AFTERVIEW_TYPING_PAUSE === '1';

interface Stored {
  doc: Parameters<typeof storedBlocks>[0];
}

/** Lets the page draw two frames: by then the browser has laid out what is on screen. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/**
 * Plays a round's burst into the focused editor of `page`: the clipboard set, then every key at once, after
 * the `lead` keys (whose effect the round's model starts from).
 */
async function typist(page: Page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const cdp = await page.context().newCDPSession(page);
  return async (model: TypingModel, round: Round, index: number, lead: string[] = []) => {
    model.clipboard = round.clipboard;
    await page.evaluate((text) => navigator.clipboard.writeText(text), round.clipboard.join('\n'));
    const burst: Burst = { keys: [...lead] };
    fc.modelRun(() => ({ model, real: burst }), round.keys);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: index % 2 ? SLOWED : 1 });
    try {
      await sendKeys(cdp, burst.keys, PAUSED ? () => twoFrames(page) : undefined);
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  };
}

/** The seeded rounds, each with a new script. */
async function seeded(name: string, round: (round: Round, index: number) => Promise<void>) {
  console.info(`${name}: ${ROUNDS} rounds, seed ${SEED}`);
  let index = 0;
  // No shrinking: a shorter script would be replayed on an editor that has moved on.
  await fc.assert(
    fc.asyncProperty(rounds(), (generated) => round(generated, index++)),
    { seed: SEED, numRuns: ROUNDS, endOnFailure: true },
  );
}

const paragraphs = (blocks: { text: string; depth: number }[]): Block[] => blocks.map(({ text, depth }) => ({ text, depth, list: 0 }));

describe('typing in bursts', () => {
  it('keeps the text of a short note in the order it was typed, on screen and saved', async () => {
    const { noteId, body } = await app.openNoteOf(['Kind regards,'], 'Short');
    const page = app.page;
    const play = await typist(page);
    await body.click();

    await seeded('short note', async (round, index) => {
      // Each round starts from an empty note.
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      expect(await readEditorBlocks(page)).toEqual([{ text: '', depth: 0 }]);
      const model = modelOf([{ text: '', depth: 0, list: 0 }], { endsDocument: true, lists: true });
      await play(model, round, index);

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
    const play = await typist(page);

    await seeded('letter', async (round, index) => {
      // A letter of its own each round: the template's text, then the burst at its end.
      const id = letters[index]!.id;
      await page.goto(`${app.server.url}#/letters/${id}`);
      const body = page.getByRole('textbox', { name: 'Letter text' });
      await body.click();
      await page.keyboard.press('Control+End');
      const before = await readEditorBlocks(page);
      const last = before[before.length - 1]!;
      expect(last.depth).toBe(0);
      const model = modelOf([{ ...last, list: 0 }], { endsDocument: true, lists: true });
      await play(model, round, index);

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
    const play = await typist(page);
    await body.click();
    // One model for every round: each continues the text the last one left.
    const model = modelOf(paragraphs(tail.map((text) => ({ text, depth: 0 }))), { endsDocument: false, lists: false });
    const check = (blocks: { text: string; depth: number }[]) => {
      expect(blocks.slice(1677)).toEqual(expectedBlocks(model));
      expect(blocks.slice(0, 1677).every((block) => block.text === long && block.depth === 0)).toBe(true);
    };

    await seeded('1 MB note', async (round, index) => {
      // From the top of the note, so that its end is a section the browser has skipped, the burst jumps to the
      // end (the editor's own jump: the browser cannot place a caret there) and types on at once.
      await page.keyboard.press('Control+Home');
      await twoFrames(page);
      model.caret = { block: model.blocks.length - 1, offset: model.blocks[model.blocks.length - 1]!.text.length };
      await play(model, round, index, ['Control+End']);

      check(await readEditorBlocks(page));
      await page.keyboard.press('Control+s');
      await expect.poll(async () => storedBlocks((await app.api<Stored>('notes.get', { id: noteId })).doc).slice(1677), { timeout: 10_000 }).toEqual(expectedBlocks(model));
      check(storedBlocks((await app.api<Stored>('notes.get', { id: noteId })).doc));
    });
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 180_000);
});
