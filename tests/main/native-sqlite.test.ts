import { describe, expect, it, vi } from 'vitest';
import { probeSqlite, REBUILD_COMMAND, sqliteLoads } from '#main/native-sqlite';
import { REBUILD_COMMAND as SCRIPT_COMMAND } from '../../scripts/sqlite-engine.mjs';

vi.mock('electron', () => ({}));

const abiError = new Error("The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 127. This version of Node.js requires NODE_MODULE_VERSION 140.");

describe('the SQLite engine at start', () => {
  it('goes on quietly when the engine loads', () => {
    const dialog = { showErrorBox: vi.fn() };
    expect(sqliteLoads({ load: () => probeSqlite(), dialog, isPackaged: false, log: vi.fn() })).toBe(true);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('in a project folder, names the command that compiles it, and logs why', () => {
    const dialog = { showErrorBox: vi.fn() };
    const log = vi.fn();
    const ok = sqliteLoads({
      load: () => {
        throw abiError;
      },
      dialog,
      isPackaged: false,
      log,
    });
    expect(ok).toBe(false);
    const [title, detail] = dialog.showErrorBox.mock.calls[0]! as [string, string];
    expect(title).toMatch(/database engine/i);
    expect(detail).toContain(REBUILD_COMMAND);
    expect(detail).toContain('NODE_MODULE_VERSION 127');
    expect(detail).toMatch(/vault is not affected/);
    expect(log).toHaveBeenCalledWith(expect.any(String), abiError);
    // The dialog and the install script name the same command.
    expect(REBUILD_COMMAND).toBe(SCRIPT_COMMAND);
  });

  it('in a packaged app, asks for a reinstall rather than a command', () => {
    const dialog = { showErrorBox: vi.fn() };
    sqliteLoads({
      load: () => {
        throw abiError;
      },
      dialog,
      isPackaged: true,
      log: vi.fn(),
    });
    const detail = dialog.showErrorBox.mock.calls[0]![1] as string;
    expect(detail).toMatch(/install Afterview again/);
    expect(detail).not.toContain('npm');
  });
});
