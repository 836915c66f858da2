/// <reference lib="dom" />
// (window.evaluate runs in the page: DOM types for its callbacks.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath } from '#shared/ipc/api-path';
import { CHANNELS } from '#shared/ipc/contract';
import { interviewThatEnded, SIX_PARAGRAPH_THANK_YOU } from '#support/thank-you-letter';
import { DesktopApp } from './desktop-app';

/** Set by `npm run test:desktop` once it has found an Electron binary (scripts/test-desktop.mjs). */
const RUN = process.env.AFTERVIEW_DESKTOP_TESTS === '1';
const ROLE = 'Senior Data Analyst';

/**
 * The real app in Electron, one user's session from first start: the tests
 * run in order on one app and one user-data folder.
 */
describe.skipIf(!RUN)('the desktop app in Electron', () => {
  const desktop = new DesktopApp();
  let openingId = '';
  let letterId = '';

  beforeAll(async () => {
    await desktop.launch();
  });
  afterAll(async () => {
    await desktop.dispose();
  });

  it('opens one visible window on its own page', async () => {
    const windows = await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => ({ visible: window.isVisible(), title: window.getTitle(), url: window.webContents.getURL() })));
    expect(windows).toEqual([{ visible: true, title: 'Afterview', url: expect.stringMatching(/^app:\/\/afterview\/index\.html/) }]);
    await desktop.window.getByRole('heading', { level: 1 }).first().waitFor();
  });

  it('adds an opening from the pipeline', async () => {
    const page = desktop.window;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('button', { name: 'Add your first opening' }).click();
    await page.getByLabel('Company').fill('Northwind Traders');
    await page.getByLabel('Role', { exact: true }).fill(ROLE);
    await page.getByRole('button', { name: 'Add opening' }).click();
    await page.getByRole('link', { name: ROLE }).click();
    await page.getByRole('heading', { name: ROLE, level: 1 }).waitFor();
    openingId = /#\/openings\/([\w-]+)/.exec(page.url())![1]!;
  });

  it('keeps a note typed just before quitting, and finds it after a restart', async () => {
    let page = desktop.window;
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Note title').fill('What they asked');
    await page.getByRole('textbox', { name: 'Note text' }).click();
    await page.keyboard.type('They asked about window functions and dashboards.');
    // No waiting for "Saved": quitting must save it first.
    page = await desktop.restart();

    await page.keyboard.press('ControlOrMeta+k');
    const box = page.getByRole('combobox', { name: 'Search everything' });
    await box.fill('window functions');
    await page.getByRole('group', { name: 'Notes' }).getByRole('option', { name: /What they asked/ }).click();
    await page.getByRole('heading', { name: ROLE, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'What they asked', exact: true }).click();
    await page.getByRole('textbox', { name: 'Note text' }).getByText('They asked about window functions and dashboards.').waitFor();
  });

  it('hands a six-paragraph thank-you to the mail client, exactly as written', async () => {
    await desktop.installStandIns();
    const interview = await desktop.api<{ id: string }>('interviews.create', interviewThatEnded(openingId, 140));
    const [letter] = await desktop.api<{ id: string }[]>('letters.list', { interviewId: interview.id });
    letterId = letter!.id;
    await desktop.api('letters.save', { id: letterId, subject: SIX_PARAGRAPH_THANK_YOU.subject, doc: SIX_PARAGRAPH_THANK_YOU.doc });

    const page = desktop.window;
    await page.evaluate((id) => void (window.location.hash = `#/letters/${id}`), letterId);
    await page.getByRole('textbox', { name: 'Letter text' }).waitFor();
    await page.getByRole('button', { name: 'Open in mail app' }).click();
    const { handed } = await desktop.waitForStandIns((record) => record.handed.length > 0);
    expect(handed).toEqual([SIX_PARAGRAPH_THANK_YOU.mailto]);
    await page.getByText(/Your mail app should open with the note filled in/).waitFor();
  });

  it('raises the reminders the interview brought as notifications, and counts them in the tray', async () => {
    const record = await desktop.waitForStandIns((seen) => seen.notifications.length >= 3 && seen.tooltips.some((text) => /Afterview — \d+ due/.test(text)));
    expect(record.notifications).toEqual([
      { title: `Debrief your ${ROLE} at Northwind Traders interview`, body: expect.stringMatching(/^Due now\. /) },
      { title: `Thank Ana Ruiz for the ${ROLE} interview`, body: 'Due in 22 h. A short note within 24 hours keeps you in mind while they decide.' },
      { title: `Line up references for ${ROLE} at Northwind Traders`, body: expect.stringMatching(/^Due now\. 0 of 2 references have agreed/) },
    ]);
    expect(record.tooltips.at(-1)).toBe('Afterview — 3 due');
    expect(record.menus.at(-1)).toEqual(expect.arrayContaining(['3 items due', `Thank Ana Ruiz for the ${ROLE} interview — due in 22 h`, 'Open Afterview', 'Quit Afterview']));
  });

  it('prints the letter to PDF with Electron', async () => {
    const file = await desktop.api<{ fileName: string; mimeType: string; dataBase64: string }>('letters.export', { id: letterId, format: 'pdf' });
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(file.mimeType).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1_000);
  });

  it('keeps its security guards in force', async () => {
    const page = desktop.window;
    // The page runs sandboxed. (Playwright starts Electron with --no-sandbox on Linux, where the OS-level check is left out.)
    if (process.platform !== 'linux') {
      const pages = await desktop.app.evaluate(({ app }) => app.getAppMetrics().filter((metric) => metric.type === 'Tab').map((metric) => metric.sandboxed));
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.every((sandboxed) => sandboxed === true)).toBe(true);
    }

    const inPage = await page.evaluate(async () => {
      const scope = globalThis as unknown as Record<string, unknown>;
      let evalBlocked = false;
      try {
        new Function('return 1')();
      } catch {
        evalBlocked = true;
      }
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        api: Object.keys(scope.api as object).sort(),
        popup: window.open('https://example.com/', '_blank'),
        evalBlocked,
        notifications: await Notification.requestPermission(),
      };
    });
    const namespaces = [...new Set(CHANNELS.map((channel) => apiPath(channel)[0])), 'events'].sort();
    expect(inPage).toEqual({ require: 'undefined', process: 'undefined', api: namespaces, popup: null, evalBlocked: true, notifications: 'denied' });

    // Leaving the app's origin goes nowhere, and nothing reaches the system that way.
    const before = (await desktop.standIns()).handed.length;
    await page.evaluate(() => void (window.location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/afterview\//);
    expect(await desktop.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((window) => window.isVisible()).length)).toBe(1);

    // The link policy holds in the core too: a mail link that attaches a file is refused, with its reason.
    await expect(desktop.api('shell.openExternal', { url: 'mailto:ana@northwind.example?attach=/home/u/.ssh/id_rsa' })).rejects.toThrow(/INVALID_INPUT .*“attach”/);
    expect((await desktop.standIns()).handed).toHaveLength(before);
    expect(desktop.pageErrors, desktop.pageErrors.join('\n')).toEqual([]);
  });
});
