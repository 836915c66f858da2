import type { Browser } from 'playwright-core';
import type { Printer } from '../core/export/printer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The printer port for the browser preview and the tests: headless Chromium,
 * launched on first use and kept warm. The page runs without JavaScript and
 * without network: the letter is self-contained.
 */
export function createChromiumPrinter(executablePath = CHROMIUM_PATH): Printer {
  let browser: Promise<Browser> | null = null;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  };
  return {
    async pdf(html) {
      browser ??= launch();
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
