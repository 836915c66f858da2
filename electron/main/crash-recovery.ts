import type { BaseWindow, Dialog, RenderProcessGoneDetails } from 'electron';
import type { TrustedOrigins } from './security';

/** Why the page was reloaded; the page tells the user (the 'app.recovered' event). */
export type RecoveryReason = 'crashed' | 'unresponsive';

/** The parts of a window's web contents this watches and drives. */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  on(event: 'did-navigate' | 'did-navigate-in-page', listener: (event: unknown, url: string) => void): unknown;
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
  forcefullyCrashRenderer(): void;
}

export interface RecoveryOptions {
  contents: RecoverableContents;
  /** The window the dialogs belong to. */
  window: BaseWindow;
  dialog: Pick<Dialog, 'showMessageBox'>;
  origins: TrustedOrigins;
  /** Where to go when no screen of ours was ever shown (the start page). */
  startUrl: string;
  /** Called as the page reloads: the shell queues the message the new page shows. */
  onReload(reason: RecoveryReason): void;
  quit(): void;
  log: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
  now?: () => number;
}

/** Three crashes within this time: something on the page crashes it at once, and reloading again would only loop. */
const CRASH_LOOP_COUNT = 3;
const CRASH_LOOP_MS = 60_000;
/** How long after we kill a hung page its end is taken for that kill, not a new crash. */
const KILL_SETTLE_MS = 5_000;

/**
 * Keeps the window usable when its page dies or hangs. A crashed page is
 * loaded again on the screen it showed (its address, hash route included),
 * and the new page says what happened. A page that stops responding gets a
 * choice: wait, or reload there; the question goes away by itself if the
 * page recovers. Saves are acknowledged only once the vault has them, and the
 * vault lives in this process, so a reload loses at most keystrokes whose
 * save was not yet acknowledged.
 */
export function watchForCrashes(options: RecoveryOptions): void {
  const { contents, dialog, log } = options;
  const now = options.now ?? Date.now;
  let lastUrl: string | undefined;
  let crashes: number[] = [];
  let hangQuestion: AbortController | undefined;
  /** When we last killed a hung page ourselves: its 'render-process-gone' follows, and the reload we started handles it. */
  let killedAt = Number.NEGATIVE_INFINITY;

  const remember = (_event: unknown, url: string) => {
    if (options.origins.isTrusted(url)) lastUrl = url;
  };
  contents.on('did-navigate', remember);
  contents.on('did-navigate-in-page', remember);

  const reload = (reason: RecoveryReason) => {
    if (contents.isDestroyed()) return;
    options.onReload(reason);
    contents.loadURL(lastUrl ?? options.startUrl).catch((error: unknown) => log.error('Reloading the window failed', error));
  };

  contents.on('render-process-gone', (_event, details) => {
    hangQuestion?.abort();
    if (now() - killedAt < KILL_SETTLE_MS) {
      killedAt = Number.NEGATIVE_INFINITY;
      return;
    }
    // The page ended on purpose (the window closing): nothing to recover.
    if (details.reason === 'clean-exit') return;
    log.error(`The window's page stopped (${details.reason}, exit code ${details.exitCode})`);
    const time = now();
    crashes = [...crashes.filter((at) => time - at < CRASH_LOOP_MS), time];
    if (crashes.length < CRASH_LOOP_COUNT) {
      reload('crashed');
      return;
    }
    crashes = [];
    void dialog
      .showMessageBox(options.window, {
        type: 'error',
        title: 'Afterview keeps stopping',
        message: 'Afterview’s window keeps stopping',
        detail: 'It stopped three times in a minute. Everything you saved is safe in your vault. You can try once more, or quit and open Afterview again later. The log (Help ▸ Open Log Folder) says what happened.',
        buttons: ['Try Again', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 ? reload('crashed') : options.quit()));
  });

  contents.on('unresponsive', () => {
    if (hangQuestion) return;
    log.warn("The window's page is not responding");
    const question = new AbortController();
    hangQuestion = question;
    void dialog
      .showMessageBox(options.window, {
        type: 'warning',
        title: 'Afterview is not responding',
        message: 'Afterview’s window is not responding',
        detail: 'It may be busy with a large task. You can wait, or reload the window on the screen you were on: everything you saved is safe, only typing from the last moment may be lost.',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
        signal: question.signal,
      })
      .then(({ response }) => {
        if (question.signal.aborted || response !== 1 || contents.isDestroyed()) return;
        log.warn('Reloading the page that stopped responding');
        // Electron: kill the stuck process, then load at once, and the page comes back in a new one.
        killedAt = now();
        contents.forcefullyCrashRenderer();
        reload('unresponsive');
      })
      .finally(() => {
        if (hangQuestion === question) hangQuestion = undefined;
      });
  });

  contents.on('responsive', () => {
    if (hangQuestion) log.warn("The window's page is responding again");
    hangQuestion?.abort();
  });
}
