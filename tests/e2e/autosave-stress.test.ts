import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { freshAppForEachTest, PreviewHarness } from './harness';

let app!: PreviewHarness;
freshAppForEachTest((fresh) => (app = fresh));

interface DocNode {
  text?: string;
  content?: DocNode[];
}
const textOf = (node: DocNode): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');
const ROUNDS = Number(process.env.AFTERVIEW_STRESS_ROUNDS ?? 8);

/** Records the text of every save the core acknowledged. */
function watchSaves(page: Page, acked: { text: string }) {
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/notes.save') || response.status() !== 200) return;
    const body = (await response.json().catch(() => null)) as { ok?: boolean } | null;
    const sent = response.request().postDataJSON() as { doc: DocNode } | null;
    if (body?.ok && sent) {
      const text = textOf(sent.doc);
      if (text.length >= acked.text.length) acked.text = text;
    }
  });
}

async function openNote(page: Page, openingId: string) {
  await page.goto(`${app.server.url}#/openings/${openingId}`);
  await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Stress', exact: true }).click();
  const body = page.getByRole('textbox', { name: 'Note text' });
  await body.click();
  await page.keyboard.press('Control+End');
  return body;
}

describe('autosave under stress in Chromium', () => {
  it(`keeps every acknowledged keystroke across ${ROUNDS} reloads and closes at random moments`, async () => {
    const opening = await app.api<{ id: string }>('openings.create', { companyName: 'Stress Co', role: 'Typist' });
    const note = await app.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Stress' });
    let page = app.page;
    const acked = { text: '' };
    watchSaves(page, acked);
    let typed = '';
    let lostUnacknowledged = 0;

    for (let round = 0; round < ROUNDS; round++) {
      await openNote(page, opening.id);
      const words = Array.from({ length: 5 + Math.floor(Math.random() * 10) }, (_, index) => `r${round}w${index} `).join('');
      // Type without waiting for the save, then leave at a random moment.
      await page.keyboard.type(words, { delay: 3 });
      typed += words;
      await page.waitForTimeout(Math.floor(Math.random() * 600));
      const ackedBefore = acked.text;
      if (round % 2 === 0) {
        await page.reload();
      } else {
        await page.close({ runBeforeUnload: true });
        page = await app.newPage();
        watchSaves(page, acked);
      }
      await page.waitForTimeout(300);
      const stored = textOf((await app.api<{ doc: DocNode }>('notes.get', { id: note.id })).doc);
      // Nothing acknowledged is ever lost; what was stored is always what was typed, in order.
      expect(stored.startsWith(ackedBefore)).toBe(true);
      expect(typed.startsWith(stored)).toBe(true);
      lostUnacknowledged += typed.length - stored.length;
      typed = stored;
      acked.text = stored;
    }
    console.info(`autosave stress: ${ROUNDS} rounds, ${lostUnacknowledged} unacknowledged characters not stored at the moment of leaving`);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 120_000);
});
