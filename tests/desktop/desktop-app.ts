import { resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { tempDir, type TempDir } from '#support/temp-vault';

const APP_ROOT = resolve('.');

/** What the stand-ins installed in the main process have seen. */
export interface StandInRecord {
  /** Links handed to shell.openExternal: what the browser or mail client would have received. */
  handed: string[];
  /** The tray's tooltips, in order. */
  tooltips: string[];
  /** The labels of each tray menu set, in order. */
  menus: string[][];
  /** Notifications shown, in order. */
  notifications: { title: string; body: string }[];
}

/**
 * The real desktop app (out/main, started by Electron as `electron .` does)
 * on a user-data folder of its own, driven by Playwright's Electron support.
 * The folder survives a restart, so what was saved can be found again.
 */
export class DesktopApp {
  app!: ElectronApplication;
  window!: Page;
  readonly pageErrors: string[] = [];
  private readonly userData: TempDir = tempDir('afterview-desktop-');

  async launch(): Promise<Page> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      // A dev server address would load another renderer; ELECTRON_RUN_AS_NODE would start Node instead of the app.
      if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
    }
    // No executablePath: Playwright finds the binary through the electron package, and loads its hook before the app's main.
    this.app = await _electron.launch({ args: [APP_ROOT, `--user-data-dir=${this.userData.dir}`], cwd: APP_ROOT, env, timeout: 60_000 });
    this.app.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(`main: ${message.text()}`);
    });
    this.window = await this.app.firstWindow();
    this.window.on('pageerror', (error) => this.pageErrors.push(error.message));
    await this.window.getByRole('navigation', { name: 'Main' }).waitFor();
    return this.window;
  }

  /** Quits as a user does (the app saves open editors first) and waits for the process to end. */
  async quit(): Promise<void> {
    await this.app.close();
  }

  async restart(): Promise<Page> {
    await this.quit();
    return this.launch();
  }

  /** Calls the core through the preload's window.api, exactly as the page does; throws the core's message on an error. */
  async api<T = unknown>(channel: string, input?: unknown): Promise<T> {
    const envelope = await this.window.evaluate(
      ([name, value]) => {
        const dot = name.indexOf('.');
        const api = (window as unknown as { api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> }).api;
        return api[name.slice(0, dot)]![name.slice(dot + 1)]!(value) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
      },
      [channel, input] as const,
    );
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.value as T;
  }

  /**
   * Stands in for the mail client and the notification centre, and records
   * the tray, in the main process: shell.openExternal records the link
   * instead of opening it, a notification is recorded instead of shown (as if
   * the system could show it: a test machine often has no notification
   * service), and the tray records what it is told to show, then shows it.
   */
  async installStandIns(): Promise<void> {
    const installed = await this.app.evaluate(({ shell, Tray, Notification }) => {
      const record = { handed: [] as string[], tooltips: [] as string[], menus: [] as string[][], notifications: [] as { title: string; body: string }[] };
      (globalThis as unknown as { afterviewStandIns: typeof record }).afterviewStandIns = record;
      const standIn = async (url: string) => void record.handed.push(url);
      shell.openExternal = standIn;
      const setToolTip = Tray.prototype.setToolTip;
      Tray.prototype.setToolTip = function (this: Electron.Tray, text: string) {
        record.tooltips.push(text);
        return setToolTip.call(this, text);
      };
      const setContextMenu = Tray.prototype.setContextMenu;
      Tray.prototype.setContextMenu = function (this: Electron.Tray, menu: Electron.Menu | null) {
        record.menus.push(menu ? menu.items.map((item) => item.label) : []);
        return setContextMenu.call(this, menu);
      };
      const supported = () => true;
      Notification.isSupported = supported;
      Notification.prototype.show = function (this: Electron.Notification) {
        record.notifications.push({ title: this.title, body: this.body });
      };
      return shell.openExternal === standIn && Notification.isSupported === supported;
    });
    if (!installed) throw new Error('shell.openExternal or Notification could not be replaced in the main process');
  }

  async standIns(): Promise<StandInRecord> {
    return this.app.evaluate(() => (globalThis as unknown as { afterviewStandIns: StandInRecord }).afterviewStandIns);
  }

  /** Waits until the stand-ins' record satisfies `ready`, and returns it. */
  async waitForStandIns(ready: (record: StandInRecord) => boolean, timeoutMs = 20_000): Promise<StandInRecord> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const record = await this.standIns();
      if (ready(record)) return record;
      if (Date.now() > until) throw new Error(`The main process did not get there in ${timeoutMs} ms: ${JSON.stringify(record)}`);
      await new Promise((wake) => setTimeout(wake, 200));
    }
  }

  async dispose(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    this.userData.remove();
  }
}
