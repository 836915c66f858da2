import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, PreviewHarness } from './harness';
import { seedEveryScreen, THEMES, useTheme, visit, type ScreenVisit } from './screens';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's verdict on the page as it stands: the serious and critical problems, readably. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The app's CSP (rightly) refuses an injected <script> tag (page.addScriptTag); evaluated through the
  // debugging protocol, axe runs without the page's policy being loosened for the test.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 4).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(' | ')}`);
}

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

describe('accessibility of every screen, in both themes', () => {
  for (const theme of THEMES) {
    it(`has no serious or critical axe violation anywhere in the ${theme} theme`, async () => {
      const page = app.page;
      await useTheme(app, page, theme);
      const found: string[] = [];
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const screen of screens) {
        await visit(app, page, screen);
        for (const violation of await seriousViolations(page)) found.push(`${screen.name}: ${violation}`);
      }
      // Written out as well: the whole list, for whoever fixes them.
      writeFileSync(join(ARTIFACTS, `axe-${theme}.txt`), found.join('\n'));
      expect(found, found.join('\n')).toEqual([]);
      expect(app.pageErrors.join("\n")).toBe("");
    }, 240_000);
  }

  it('keeps a first-run vault accessible too: the first steps and the sample offer', async () => {
    const fresh = new PreviewHarness();
    await fresh.start();
    try {
      for (const theme of THEMES) {
        await useTheme(fresh, fresh.page, theme);
        for (const hash of ['#/today', '#/pipeline', '#/contacts', '#/companies', '#/references', '#/trash']) {
          await fresh.page.goto(`${fresh.server.url}${hash}`);
          await fresh.page.reload();
          await fresh.page.locator('.empty, .first-steps').first().waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`No empty state on ${hash}`); });
          expect(await seriousViolations(fresh.page), `${theme} ${hash}`).toEqual([]);
        }
      }
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
