import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, handleRendererLogs, LOG_FILE_NAME, LOG_MAX_BYTES, RENDERER_LOG_CHANNEL, rotateLogFiles } from '#main/logging';
import { tempDir, type TempDir } from '#support/temp-vault';

vi.mock('electron', () => ({}));

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('afterview-logs-');
});
afterEach(() => dir.remove());

describe('the local log', () => {
  it('writes the main process and its console to main.log in the log folder, and rotates it when full', () => {
    const logger = log.create({ logId: `test-${Math.random()}` });
    const processConsole = { log: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    configureLogging(logger, { logsDir: dir.dir, isPackaged: true }, processConsole);
    logger.info('Afterview started');
    processConsole.error('a failure from old console.error code');
    const file = join(dir.dir, LOG_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Afterview started');
    expect(text).toContain('a failure from old console.error code');

    // Past the size limit, the next line starts a new file and the full one is kept beside it.
    const line = 'x'.repeat(100_000);
    for (let written = 0; written <= LOG_MAX_BYTES; written += line.length) logger.info(line);
    logger.info('after rotation');
    expect(readFileSync(file, 'utf8')).toContain('after rotation');
    expect(readFileSync(join(dir.dir, 'main.1.log'), 'utf8').length).toBeGreaterThan(LOG_MAX_BYTES);
  });

  it('keeps a fixed number of old files, newest first', () => {
    const file = join(dir.dir, 'main.log');
    for (const generation of ['first', 'second', 'third', 'fourth', 'fifth']) {
      writeFileSync(file, generation);
      rotateLogFiles(file, 3);
    }
    expect(readFileSync(join(dir.dir, 'main.1.log'), 'utf8')).toBe('fifth');
    expect(readFileSync(join(dir.dir, 'main.2.log'), 'utf8')).toBe('fourth');
    expect(readFileSync(join(dir.dir, 'main.3.log'), 'utf8')).toBe('third');
    expect(existsSync(join(dir.dir, 'main.4.log'))).toBe(false);
    expect(existsSync(file)).toBe(false);
  });
});

describe("the page's errors in the log", () => {
  function setUp(trusted = true) {
    let listener: ((event: unknown, value: unknown) => void) | undefined;
    const ipcMain = { on: vi.fn((channel: string, fn: typeof listener) => (channel === RENDERER_LOG_CHANNEL ? (listener = fn) : undefined)) };
    const logger = { error: vi.fn(), warn: vi.fn() };
    let time = 0;
    handleRendererLogs(ipcMain as never, logger, () => trusted, () => time);
    return { send: (value: unknown) => listener!({}, value), logger, advance: (ms: number) => (time += ms) };
  }

  it('logs an error the page reports, with its stack and screen', () => {
    const { send, logger } = setUp();
    send({ level: 'error', message: 'TypeError: x is undefined', stack: 'at NotesPanel', route: '#/openings/1' });
    expect(logger.error).toHaveBeenCalledWith('[renderer] TypeError: x is undefined (on #/openings/1)\nat NotesPanel');
  });

  it('ignores other windows, malformed entries, and a flood beyond a burst', () => {
    const stranger = setUp(false);
    stranger.send({ level: 'error', message: 'x' });
    expect(stranger.logger.error).not.toHaveBeenCalled();

    const { send, logger, advance } = setUp();
    send('just a string');
    send({ level: 'fatal', message: 'x' });
    send({ level: 'error', message: 42 });
    expect(logger.error).not.toHaveBeenCalled();
    send({ level: 'warn', message: 'y'.repeat(100_000) });
    expect((logger.warn.mock.calls[0]![0] as string).length).toBeLessThan(5000);
    for (let i = 0; i < 100; i += 1) send({ level: 'error', message: `loop ${i}` });
    expect(logger.error.mock.calls.length).toBeLessThan(25);
    advance(60_000);
    send({ level: 'error', message: 'later' });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/\d+ more messages were not logged/));
    expect(logger.error).toHaveBeenLastCalledWith('[renderer] later');
  });
});
