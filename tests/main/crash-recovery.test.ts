import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { startLocalCrashReporter } from '#main/crash-reporter';
import { watchForCrashes, type RecoverableContents } from '#main/crash-recovery';
import { handleMainProcessErrors } from '#main/main-errors';
import { createTrustedOrigins } from '#main/security';

vi.mock('electron', () => ({}));

const START = 'app://afterview/index.html';

/** A window's web contents as Electron drives it: events in, loads and kills out. */
class StandInContents extends EventEmitter implements RecoverableContents {
  destroyed = false;
  loadURL = vi.fn(async () => undefined);
  forcefullyCrashRenderer = vi.fn();
  isDestroyed() {
    return this.destroyed;
  }
}

function setUp(answer: (options: { buttons: string[]; signal?: AbortSignal }) => Promise<{ response: number }> = async () => ({ response: 0 })) {
  const contents = new StandInContents();
  const dialog = { showMessageBox: vi.fn((_window: unknown, options: { buttons: string[]; signal?: AbortSignal }) => answer(options)) };
  const onReload = vi.fn();
  const quit = vi.fn();
  const log = { error: vi.fn(), warn: vi.fn() };
  let time = 1_000_000;
  watchForCrashes({ contents, window: {} as never, dialog: dialog as never, origins: createTrustedOrigins('app://afterview'), startUrl: START, onReload, quit, log, now: () => time });
  return { contents, dialog, onReload, quit, log, advance: (ms: number) => (time += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a page that crashes', () => {
  it('is loaded again on the screen it showed, and told why, and the crash is logged', () => {
    const { contents, onReload, log } = setUp();
    contents.emit('did-navigate', {}, `${START}#/today`);
    contents.emit('did-navigate-in-page', {}, `${START}#/openings/0b6f6a2e-8a4e-4a8e-9a55-1f0c8f6c2a10`);
    // A link that tried to leave is never where a reload goes.
    contents.emit('did-navigate-in-page', {}, 'https://example.com/');
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.loadURL).toHaveBeenCalledWith(`${START}#/openings/0b6f6a2e-8a4e-4a8e-9a55-1f0c8f6c2a10`);
    expect(onReload).toHaveBeenCalledWith('crashed');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('crashed, exit code 139'));
  });

  it('before any screen was shown, loads the start page', () => {
    const { contents } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(contents.loadURL).toHaveBeenCalledWith(START);
  });

  it('is left alone when it ended on purpose', () => {
    const { contents, onReload } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.loadURL).not.toHaveBeenCalled();
    expect(onReload).not.toHaveBeenCalled();
  });

  it('crashing again and again, asks before a fourth load instead of looping', async () => {
    const { contents, dialog, quit, advance } = setUp(async () => ({ response: 1 }));
    for (let i = 0; i < 3; i += 1) {
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      advance(5_000);
    }
    expect(contents.loadURL).toHaveBeenCalledTimes(2);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    await settle();
    expect(quit).toHaveBeenCalled();
  });
});

describe('a page that stops responding', () => {
  it('asks, and on Reload kills the stuck page and loads the same screen in a new one', async () => {
    const { contents, dialog, onReload } = setUp(async () => ({ response: 1 }));
    contents.emit('did-navigate-in-page', {}, `${START}#/contacts`);
    contents.emit('unresponsive');
    expect(dialog.showMessageBox.mock.calls[0]![1].buttons).toEqual(['Wait', 'Reload']);
    await settle();
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(contents.loadURL).toHaveBeenCalledExactlyOnceWith(`${START}#/contacts`);
    expect(onReload).toHaveBeenCalledWith('unresponsive');
    // The killed page's end is ours: not a second reload.
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(contents.loadURL).toHaveBeenCalledOnce();
  });

  it('takes the question back if the page recovers while it is asked, and asks only once per hang', async () => {
    let signal: AbortSignal | undefined;
    const { contents, dialog } = setUp(
      (options) =>
        new Promise((resolve) => {
          signal = options.signal;
          options.signal?.addEventListener('abort', () => resolve({ response: 0 }));
        }),
    );
    contents.emit('unresponsive');
    contents.emit('unresponsive');
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    contents.emit('responsive');
    expect(signal?.aborted).toBe(true);
    await settle();
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(contents.loadURL).not.toHaveBeenCalled();
  });

  it('Wait leaves the page as it is', async () => {
    const { contents } = setUp(async () => ({ response: 0 }));
    contents.emit('unresponsive');
    await settle();
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });
});

describe('crash reports and main-process errors', () => {
  it('keeps crash reports on this computer', () => {
    const crashReporter = { start: vi.fn() };
    startLocalCrashReporter(crashReporter);
    expect(crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }));
  });

  it('logs every uncaught error in the main process and shows the first once', async () => {
    const proc = new EventEmitter();
    const log = vi.fn();
    const openLogFolder = vi.fn();
    const dialog = { showMessageBox: vi.fn(async (_options: { detail: string }) => ({ response: 1 })), showErrorBox: vi.fn() };
    handleMainProcessErrors(proc as never, { log, dialog: dialog as never, isReady: () => true, openLogFolder });
    proc.emit('uncaughtException', new Error('disk on fire'));
    proc.emit('unhandledRejection', new Error('and again'));
    expect(log).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenLastCalledWith(expect.any(String), expect.objectContaining({ message: 'and again' }));
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(dialog.showMessageBox.mock.calls[0]![0]).toMatchObject({ detail: expect.stringContaining('disk on fire') });
    await settle();
    expect(openLogFolder).toHaveBeenCalled();
  });

  it('before the app is ready, shows it in the plain error box', () => {
    const proc = new EventEmitter();
    const dialog = { showMessageBox: vi.fn(), showErrorBox: vi.fn() };
    handleMainProcessErrors(proc as never, { log: vi.fn(), dialog: dialog as never, isReady: () => false, openLogFolder: vi.fn() });
    proc.emit('uncaughtException', new Error('early'));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('early'));
  });
});
