import type { App } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface LoginItemEnvironment {
  platform: NodeJS.Platform;
  /** The executable to start: the AppImage on Linux when there is one. */
  executable: string;
  configHome: string;
}

export function loginItemEnvironment(app: Pick<App, 'getPath'>, env: NodeJS.ProcessEnv = process.env): LoginItemEnvironment {
  return {
    platform: process.platform,
    executable: env.APPIMAGE ?? app.getPath('exe'),
    configHome: env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
  };
}

/** The XDG autostart entry; --hidden starts Afterview in the tray without a window. */
export function autostartDesktopEntry(executable: string): string {
  const quoted = /[\s"'\\]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Afterview', 'Comment=Reminders for after your interviews', `Exec=${quoted} --hidden`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/**
 * Launch at login, opt-in. macOS and Windows have Electron's login items;
 * on Linux Electron has none, so we write the standard autostart file.
 */
export async function setLaunchAtLogin(app: Pick<App, 'setLoginItemSettings'>, environment: LoginItemEnvironment, enabled: boolean): Promise<void> {
  if (environment.platform === 'linux') {
    const dir = join(environment.configHome, 'autostart');
    const file = join(dir, 'afterview.desktop');
    if (enabled) {
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartDesktopEntry(environment.executable), 'utf8');
    } else {
      await rm(file, { force: true });
    }
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
}

/** Started by the login item or autostart entry (or asked to): open in the tray, without a window. */
export function startsHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return argv.includes('--hidden') || wasOpenedAtLogin;
}
