import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, PreviewHarness } from './harness';
import { seedEveryScreen, THEMES, useTheme, visit, type ScreenVisit } from './screens';

let app: PreviewHarness;
let screens: ScreenVisit[];
beforeAll(async () => {
  app = new PreviewHarness();
  await app.start();
  screens = await seedEveryScreen(app);
}, 60_000);
afterAll(async () => {
  await app.stop();
});

/**
 * Every screen in both themes, for a person to look at: test-results/screenshots/<theme>/<screen>.png
 * (artifacts, not committed). Also checks nothing spills sideways out of the window.
 */
describe('screenshots of every screen', () => {
  for (const theme of THEMES) {
    it(`captures every screen in the ${theme} theme, none wider than the window`, async () => {
      const page = app.page;
      await useTheme(app, page, theme);
      const folder = join(ARTIFACTS, 'screenshots', theme);
      mkdirSync(folder, { recursive: true });
      const overflowing: string[] = [];
      for (const screen of screens) {
        await visit(app, page, screen);
        const path = join(folder, `${screen.name}.png`);
        await page.screenshot({ path, fullPage: true });
        expect(statSync(path).size, screen.name).toBeGreaterThan(10_000);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) overflowing.push(`${screen.name}: ${wide}px too wide`);
        // Nor out of a card: an editor's text once ran past its card's edge, through the column beside it.
        const spilling = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('.panel, .note-editor'))
            .filter((card) => card.scrollWidth > card.clientWidth + 1)
            .map((card) => `${card.className} (${card.scrollWidth - card.clientWidth}px)`),
        );
        for (const card of spilling) overflowing.push(`${screen.name}: spills out of ${card}`);
      }
      expect(overflowing).toEqual([]);
      expect(app.pageErrors.join("\n")).toBe("");
    }, 240_000);
  }

  it('captures the first run: an empty vault on Today and Pipeline', async () => {
    const fresh = new PreviewHarness();
    await fresh.start();
    try {
      for (const theme of THEMES) {
        await useTheme(fresh, fresh.page, theme);
        for (const [name, hash] of [['first-run-today', '#/today'], ['first-run-pipeline', '#/pipeline']] as const) {
          await fresh.page.goto(`${fresh.server.url}${hash}`);
          await fresh.page.reload();
          await fresh.page.getByRole('button', { name: 'Explore with sample data' }).waitFor();
          await fresh.page.screenshot({ path: join(ARTIFACTS, 'screenshots', theme, `${name}.png`), fullPage: true });
        }
      }
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
