import type { Browser, Page } from 'playwright-core';
import type { Printer } from '#core/export/printer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The printer port for the browser preview and the tests: headless Chromium,
 * launched on first use and kept warm with one page that every print reuses
 * (a fresh context and page cost more than the print itself). The page runs
 * without JavaScript and without network: the letter is self-contained.
 * Prints take turns on the one page.
 */
export function createChromiumPrinter(executablePath = CHROMIUM_PATH): Printer {
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  };
  const openPage = async () => {
    browser ??= launch();
    let running: Browser;
    try {
      running = await browser;
    } catch (error) {
      // A failed launch is tried again on the next print.
      browser = null;
      throw error;
    }
    const context = await running.newContext({ javaScriptEnabled: false, offline: true });
    return context.newPage();
  };
  const warmPage = async () => {
    const current = page && (await page.catch(() => null));
    // A page that crashed or was closed is replaced, not reused.
    if (!current || current.isClosed()) page = openPage();
    return page!;
  };
  return {
    pdf(html) {
      const job = queue.then(async () => {
        const target = await warmPage();
        await target.setContent(html, { waitUntil: 'load' });
        return target.pdf({ preferCSSPageSize: true, printBackground: true });
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      await queue;
      if (browser) await (await browser).close();
      browser = null;
      page = null;
    },
  };
}
