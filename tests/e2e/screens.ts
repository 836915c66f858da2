import type { Locator, Page } from 'playwright-core';
import type { PreviewHarness } from './harness';

export type ThemeName = 'light' | 'dark';
export const THEMES: ThemeName[] = ['light', 'dark'];

export interface ScreenVisit {
  name: string;
  hash: string;
  /** What shows once the screen has loaded. */
  ready(page: Page): Locator;
  /** Anything to do on the screen before it is looked at (switch the view, open a dialog). */
  prepare?(page: Page): Promise<void>;
}

interface Row {
  id: string;
}

/**
 * A vault with data in every screen: the sample job search (through the same
 * channel as its button), plus an item in the trash and a backup, so no screen
 * is looked at only in its empty state. Returns every screen to visit.
 */
export async function seedEveryScreen(app: PreviewHarness): Promise<ScreenVisit[]> {
  await app.api('sample.load', { timeZone: 'Europe/Berlin' });
  const openings = await app.api<(Row & { companyName: string; companyId: string; role: string })[]>('openings.list');
  const lumen = openings.find((opening) => opening.companyName === 'Lumen Health')!;
  const fernwood = openings.find((opening) => opening.companyName === 'Fernwood Studio')!;
  const detail = await app.api<{ interviews: Row[] }>('openings.get', { id: lumen.id });
  const interviewId = detail.interviews[0]!.id;
  const letters = await app.api<(Row & { recipientName: string })[]>('letters.list', { openingId: lumen.id });
  const letter = letters.find((candidate) => candidate.recipientName === 'Tom Becker') ?? letters[0]!;
  const contacts = await app.api<(Row & { name: string })[]>('contacts.list');
  const priya = contacts.find((contact) => contact.name === 'Priya Shah')!;
  const references = await app.api<(Row & { name: string })[]>('references.list');
  const maya = references.find((reference) => reference.name === 'Maya Chen')!;
  const gone = await app.api<Row>('openings.create', { companyName: 'Old Lead GmbH', role: 'Visual Designer' });
  await app.api('openings.delete', { id: gone.id });
  await app.api('backups.create');
  // A note to open on the opening's page, so the editor is looked at too.
  const note = await app.api<Row>('notes.create', { parentType: 'opening', parentId: lumen.id, title: 'Call with Priya' });
  const said = 'They want the design system rebuilt within two quarters, and asked how I would bring the product teams along. ';
  await app.api('notes.save', { id: note.id, title: 'Call with Priya', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: said.repeat(3) }] }] } });

  const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });
  return [
    { name: 'today', hash: '#/today', ready: (page) => page.locator('.reminder').first() },
    { name: 'pipeline-list', hash: '#/pipeline', ready: (page) => page.getByRole('link', { name: 'Product Designer', exact: true }), prepare: (page) => chooseView(page, 'List') },
    { name: 'pipeline-board', hash: '#/pipeline', ready: (page) => page.locator('.board').first(), prepare: (page) => chooseView(page, 'Board') },
    { name: 'opening', hash: `#/openings/${lumen.id}`, ready: h1('Product Designer') },
    {
      name: 'opening-note',
      hash: `#/openings/${lumen.id}`,
      ready: (page) => page.getByRole('textbox', { name: 'Note text' }),
      prepare: async (page) => {
        await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Call with Priya', exact: true }).click();
      },
    },
    { name: 'interview', hash: `#/interviews/${interviewId}`, ready: (page) => page.getByText(/Debrief done on/) },
    { name: 'contacts', hash: '#/contacts', ready: (page) => page.getByRole('link', { name: 'Priya Shah' }).first() },
    { name: 'contact', hash: `#/contacts/${priya.id}`, ready: h1('Priya Shah') },
    { name: 'companies', hash: '#/companies', ready: (page) => page.getByRole('link', { name: 'Lumen Health' }).first() },
    { name: 'company', hash: `#/companies/${lumen.companyId}`, ready: h1('Lumen Health') },
    { name: 'letter', hash: `#/letters/${letter.id}`, ready: (page) => page.getByRole('textbox', { name: /letter|text/i }).first() },
    { name: 'templates', hash: '#/templates', ready: h1(/Templates/) },
    { name: 'references', hash: '#/references', ready: (page) => page.getByRole('link', { name: 'Maya Chen' }).first() },
    { name: 'reference', hash: `#/references/${maya.id}`, ready: h1('Maya Chen') },
    { name: 'brief', hash: `#/references/${maya.id}/briefs/${fernwood.id}`, ready: (page) => page.getByRole('region', { name: 'Brief' }).or(page.locator('.letter-editor')).first() },
    { name: 'trash', hash: '#/trash', ready: (page) => page.getByText('Visual Designer') },
    { name: 'backups', hash: '#/backups', ready: h1('Backups') },
    { name: 'settings', hash: '#/settings', ready: (page) => page.getByLabel('Your name') },
    { name: 'insights', hash: '#/insights', ready: (page) => page.locator('.page [role="img"]').first() },
    { name: 'guide', hash: '#/guide', ready: h1('How Afterview works') },
    { name: 'data', hash: '#/data', ready: h1('Import & export') },
    {
      name: 'csv-import',
      hash: '#/data',
      ready: (page) => page.getByRole('dialog'),
      prepare: async (page) => {
        await page.getByRole('button', { name: 'Import openings from CSV…' }).click();
      },
    },
    {
      name: 'search',
      hash: '#/today',
      ready: (page) => page.getByRole('option').first(),
      prepare: async (page) => {
        await page.locator('.reminder').first().waitFor();
        await page.keyboard.press('Control+K');
        await page.getByRole('combobox', { name: 'Search everything' }).fill('design');
        await page.getByRole('option').first().waitFor();
      },
    },
    {
      // The longest time zone name once pushed its column out of the form.
      name: 'log-interview',
      hash: `#/openings/${lumen.id}`,
      ready: (page) => page.getByRole('form', { name: 'Log an interview' }).or(page.locator('.log-interview')).first(),
      prepare: async (page) => {
        await page.getByRole('heading', { level: 1, name: 'Product Designer' }).waitFor();
        await page.getByRole('button', { name: 'Log interview', exact: true }).click();
      },
    },
    {
      name: 'shortcuts',
      hash: '#/today',
      ready: (page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' }),
      prepare: async (page) => {
        await page.locator('.reminder').first().waitFor();
        await page.keyboard.press('?');
      },
    },
  ];
}

async function chooseView(page: Page, view: 'List' | 'Board'): Promise<void> {
  const button = page.getByRole('button', { name: view, exact: true }).or(page.getByRole('radio', { name: view, exact: true })).first();
  await button.click();
}

/** The whole app in one theme, through the setting a user would change. */
export async function useTheme(app: PreviewHarness, page: Page, theme: ThemeName): Promise<void> {
  const settings = await app.api<Record<string, unknown>>('settings.get');
  await app.api('settings.save', { ...settings, theme });
  await page.reload();
  await page.locator(`html[data-theme="${theme}"][data-theme-choice="${theme}"]`).waitFor({ state: 'attached' });
}

/** Opens one screen from a fresh load and waits until it shows its content. */
export async function visit(app: PreviewHarness, page: Page, screen: ScreenVisit): Promise<void> {
  await page.goto(`${app.server.url}${screen.hash}`);
  // The same address twice does not load again; a reload makes every visit start clean.
  await page.reload();
  if (screen.prepare) await screen.prepare(page);
  await screen.ready(page).first().waitFor({ timeout: 10_000 });
  // Fonts and late layout settle before anyone looks.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
