import type { App } from 'electron';

/**
 * Afterview's identity on Windows. It must equal electron-builder.yml's appId:
 * the installer gives the Start menu shortcut that id, and Windows shows a
 * notification as Afterview's (its name, its icon, its place in the Action
 * Center) only when the process and the shortcut agree. A test holds them together.
 */
export const APP_USER_MODEL_ID = 'app.afterview.desktop';

/**
 * Sets the id on Windows. Unpackaged (npm start) there is no shortcut with our
 * id, so the Electron binary's own path is used, which is how Windows names an
 * app it found no shortcut for; otherwise notifications would not show at all.
 */
export function applyAppUserModelId(app: Pick<App, 'setAppUserModelId' | 'isPackaged'>, platform: NodeJS.Platform, execPath: string): void {
  if (platform !== 'win32') return;
  app.setAppUserModelId(app.isPackaged ? APP_USER_MODEL_ID : execPath);
}
