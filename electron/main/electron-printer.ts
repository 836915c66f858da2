import type { BrowserWindow as BrowserWindowType } from 'electron';
import type { Printer } from '#core/export/printer';

type BrowserWindowClass = new (options: Electron.BrowserWindowConstructorOptions) => BrowserWindowType;

/**
 * The printer port in the desktop app: a hidden, sandboxed window with
 * JavaScript off, reused between prints, and Electron's printToPDF.
 */
export function createElectronPrinter(BrowserWindow: BrowserWindowClass): Printer {
  let window: BrowserWindowType | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const getWindow = () => {
    if (!window || window.isDestroyed()) {
      window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, images: true },
      });
    }
    return window;
  };
  return {
    pdf(html) {
      // One print at a time on the one window.
      const job = queue.then(async () => {
        const target = getWindow();
        await target.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return target.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
