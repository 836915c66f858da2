import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter } from '#preview/chromium-printer';
import { coreHarness, docOf } from '#support/core-harness';
import { unzipEntry } from '#support/unzip';
import { freshAppForEachTest, PreviewHarness } from './harness';
import { pageCount, pdfFontNames, pdfText } from './pdf-text';

const noteDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Their stack' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Snowflake and dbt', marks: [{ type: 'bold' }] }] }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> stays text' }] },
  ],
};

/** An opening that has been through one interview, debriefed, with a note. */
async function seedOpening(api: <T>(channel: string, input?: unknown) => Promise<T>) {
  const opening = await api<{ id: string }>('openings.create', { companyName: 'Northwind', role: 'Data Analyst', stage: 'applied', location: 'Bristol' });
  const interview = await api<{ id: string }>('interviews.create', {
    openingId: opening.id,
    startsAt: '2026-03-03T10:00:00Z',
    endsAt: '2026-03-03T11:00:00Z',
    timeZone: 'UTC',
    format: 'video',
    team: [{ name: 'Ana Ruiz', title: 'Head of Analytics' }],
  });
  await api('interviews.saveDebrief', {
    interviewId: interview.id,
    nextStepClear: true,
    nextStep: 'Case study',
    notifyBy: null,
    fillBy: null,
    cardsCollected: false,
    impressions: 'Warm and direct.',
    concerns: 'On-call rota',
    questions: 'Who owns the roadmap?',
    learned: '',
    team: [],
    complete: true,
  });
  const note = await api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Research' });
  await api('notes.save', { id: note.id, title: 'Research', doc: noteDoc });
  return { opening, interview, note };
}

async function contentOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path!);
}

/** Picks a format from an export menu with the keyboard, as someone without a mouse would, and waits for the file. */
async function exportWithKeyboard(page: Page, menuButton: string, format: string): Promise<Download> {
  await page.getByRole('button', { name: menuButton }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: menuButton });
  await menu.waitFor();
  // Escape closes the menu and hands focus back to its button.
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe('menu');
  await page.keyboard.press('ArrowDown');
  await menu.waitFor();
  const item = menu.getByRole('menuitem', { name: format });
  const downloaded = page.waitForEvent('download');
  // Arrows move through the items until the format has focus.
  for (let step = 0; step < 4 && !(await item.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  return downloaded;
}

describe('document export in Chromium', () => {
  let app!: PreviewHarness;
  freshAppForEachTest((fresh) => (app = fresh));

  it('downloads the prep sheet from the opening page, as Markdown and as a PDF', async () => {
    const { opening } = await seedOpening((channel, input) => app.api(channel, input));
    const page = app.page;
    await page.goto(`${page.url().split('#')[0]}#/openings/${opening.id}`);
    await page.getByRole('heading', { level: 1, name: 'Data Analyst' }).waitFor();

    const markdown = await exportWithKeyboard(page, 'Prep sheet: everything about this opening in one document', 'Markdown');
    expect(markdown.suggestedFilename()).toBe('Prep sheet - Data Analyst - Northwind.md');
    const text = (await contentOf(markdown)).toString('utf8');
    expect(text).toContain('# Prep sheet: Data Analyst at Northwind');
    expect(text).toContain('- Who owns the roadmap? *(Round 1)*');
    expect(text).toContain('- **Ana Ruiz** — Head of Analytics');
    expect(text).toContain('#### Their stack');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\> stays text');
    await page.getByText('Saved as Prep sheet - Data Analyst - Northwind.md.').waitFor();

    const pdf = await exportWithKeyboard(page, 'Prep sheet: everything about this opening in one document', 'PDF');
    expect(pdf.suggestedFilename()).toBe('Prep sheet - Data Analyst - Northwind.pdf');
    const bytes = await contentOf(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(bytes)).toBeGreaterThanOrEqual(1);
    const printed = pdfText(bytes);
    for (const words of ['Prep sheet: Data Analyst at Northwind', 'Who owns the roadmap?', 'On-call rota', 'Snowflake and dbt', '<script>alert(1)</script> stays text']) expect(printed, words).toContain(words);
    await app.screenshot('prep-sheet-exported');
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });

  it('exports an open note as Word with its latest words, and a thank-you note as a web page', async () => {
    const { opening, interview } = await seedOpening((channel, input) => app.api(channel, input));
    const page = app.page;
    await page.goto(`${page.url().split('#')[0]}#/openings/${opening.id}`);
    await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Research', exact: true }).click();
    const body = page.getByRole('textbox', { name: 'Note text' });
    await body.getByText('stays text').waitFor();
    // Typed just now and not yet saved by the pause: the export saves it first.
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Added at the last second.');

    const word = await exportWithKeyboard(page, 'Export the note', 'Word (DOCX)');
    expect(word.suggestedFilename()).toBe('Research - Northwind.docx');
    const xml = unzipEntry(await contentOf(word), 'word/document.xml')!;
    expect(xml).toContain('Heading2');
    expect(xml).toContain('Snowflake and dbt');
    expect(xml).toContain('Added at the last second.');
    expect(xml).toMatch(/<w:b\/>[\s\S]*?Snowflake and dbt/);
    await page.getByText('Saved as Research - Northwind.docx.').waitFor();

    const [letter] = await app.api<{ id: string }[]>('letters.list', { interviewId: interview.id });
    await page.goto(`${page.url().split('#')[0]}#/letters/${letter!.id}`);
    await page.getByRole('textbox', { name: 'Letter text' }).waitFor();
    const html = await exportWithKeyboard(page, 'Export the letter', 'Web page (HTML)');
    expect(html.suggestedFilename()).toBe('Thank-you - Ana Ruiz - Northwind.html');
    const saved = (await contentOf(html)).toString('utf8');
    expect(saved).toContain("default-src 'none'");
    expect(saved).toContain('Dear Ana,');
    expect(saved).not.toMatch(/<script/i);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  });
});

describe('documents printed by Chromium', () => {
  const printer = createChromiumPrinter();
  afterAll(() => printer.close());

  it('prints a long prep sheet over several pages with every section', async () => {
    const core = coreHarness('2026-03-10T08:00:00.000Z', { printer });
    try {
      const { opening } = await seedOpening((channel, input) => core.call(channel as never, input as never) as never);
      const long = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Long read' });
      await core.call('notes.save', { id: long.id, title: 'Long read', doc: docOf(...Array.from({ length: 60 }, (_unused, index) => `Paragraph ${index + 1} of the long read.`)) });
      const file = await core.call('openings.prepSheet.export', { id: opening.id, format: 'pdf' });
      const pdf = Buffer.from(file.dataBase64, 'base64');
      expect(pageCount(pdf)).toBeGreaterThan(1);
      const text = pdfText(pdf);
      for (const words of ['To ask and to settle', 'The opening', 'Interviews', 'Paragraph 60 of the long read.', 'References']) expect(text, words).toContain(words);
    } finally {
      core.cleanup();
    }
  });

  it('prints a one-page note', async () => {
    const core = coreHarness('2026-03-10T08:00:00.000Z', { printer });
    try {
      const { note } = await seedOpening((channel, input) => core.call(channel as never, input as never) as never);
      const file = await core.call('notes.export', { id: note.id, format: 'pdf' });
      const pdf = Buffer.from(file.dataBase64, 'base64');
      expect(file.fileName).toBe('Research - Northwind.pdf');
      expect(pageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      // The bundled face (a variable font, named after its lightest instance), not whatever this machine has.
      expect(pdfFontNames(pdf).map((font) => font.replace(/^SourceSans3\w*-/, ''))).toEqual(['Bold', 'Regular']);
      expect(text).toContain('Research');
      expect(text).toContain('Note on Data Analyst at Northwind');
      expect(text).toContain('Snowflake and dbt');
    } finally {
      core.cleanup();
    }
  });
});
