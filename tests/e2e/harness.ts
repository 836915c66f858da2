import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { tempDir, type TempDir } from '#support/temp-vault';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDERER_DIR = resolve('out/renderer');
export const ARTIFACTS = resolve('test-results');

/**
 * The app as a user meets it: the built renderer in Debian's Chromium,
 * served by the preview over a temp vault.
 */
export class PreviewHarness {
  browser!: Browser;
  server!: PreviewServer;
  page!: Page;
  dir!: TempDir;
  readonly pageErrors: string[] = [];

  get vaultPath(): string {
    return this.dir.file('vault.afterview.sqlite');
  }

  async start(): Promise<void> {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    this.dir = tempDir('afterview-e2e-');
    this.server = await startPreviewServer({ vaultPath: this.vaultPath, rendererDir: RENDERER_DIR });
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    this.page = await this.newPage();
  }

  async newPage(): Promise<Page> {
    const page = await this.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    // These suites start on the pipeline; the app's home is Today.
    await page.goto(`${this.server.url}#/pipeline`);
    return page;
  }

  /** Stops the server and starts a new one over the same vault: an app restart. The window goes first, as on quit, so nothing it asks for meets a closed server. */
  async restartServer(): Promise<void> {
    await this.page.goto('about:blank');
    await this.server.close();
    this.server = await startPreviewServer({ vaultPath: this.vaultPath, rendererDir: RENDERER_DIR });
    await this.page.goto(`${this.server.url}#/pipeline`);
  }

  /** Calls the core directly, as the page would, with this run's token (for setting up and checking data). */
  async api<T = unknown>(channel: string, input?: unknown): Promise<T> {
    const response = await fetch(`${this.server.url}api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Afterview-Token': this.server.token },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`);
    return envelope.value as T;
  }

  /** A new opening with one note of these paragraphs, opened on the opening's page: the note's id and its text. */
  async openNoteOf(paragraphs: string[], title = 'Long'): Promise<{ noteId: string; body: Locator }> {
    const opening = await this.api<{ id: string }>('openings.create', { companyName: 'Long Notes Co', role: 'Writer' });
    const note = await this.api<{ id: string }>('notes.create', { parentType: 'opening', parentId: opening.id, title });
    const doc = { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
    await this.api('notes.save', { id: note.id, title, doc });
    await this.page.goto(`${this.server.url}#/openings/${opening.id}`);
    await this.page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: title, exact: true }).click();
    const body = this.page.getByRole('textbox', { name: 'Note text' });
    await body.waitFor();
    return { noteId: note.id, body };
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  async stop(failedTestName?: string): Promise<void> {
    if (failedTestName && this.page) await this.screenshot(`failed-${failedTestName.replace(/\W+/g, '-')}`).catch(() => undefined);
    await this.browser?.close();
    await this.server?.close();
    this.dir?.remove();
  }
}

/**
 * A fresh app for each test of the calling file (or describe block), stopped after it, with a screenshot
 * when the test failed. `use` receives each new harness before it starts.
 */
export function freshAppForEachTest(use: (app: PreviewHarness) => void): void {
  let app: PreviewHarness;
  beforeEach(async () => {
    app = new PreviewHarness();
    use(app);
    await app.start();
  });
  afterEach(async (context) => {
    await app.stop(context.task.result?.state === 'fail' ? context.task.name : undefined);
  });
}
