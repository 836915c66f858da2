import { release } from 'node:os';
import { join } from 'node:path';
import type { App, BaseWindow, Clipboard, Dialog, Shell } from 'electron';
import { vaultStats } from '#core/diagnostics/vault-stats';
import type { Vault } from '#core/vault/connection';
import { showAboutDialog, type AboutInfo } from './about';
import { diagnosticsReport, type DiagnosticsFacts } from './diagnostics';
import type { HelpActions } from './help-menu';

const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** Where the licences file is: beside the packaged app (extraResources), or in out/ after npm run build. */
export function licencesFilePath(isPackaged: boolean, resourcesPath: string, appPath: string): string {
  return isPackaged ? join(resourcesPath, 'licenses', NOTICES_FILE) : join(appPath, 'out', 'licenses', NOTICES_FILE);
}

/** This run's versions and system, for diagnostics. */
export function runtimeFacts(app: Pick<App, 'getVersion' | 'isPackaged' | 'getLocale'>, vaultInDefaultPlace: boolean): Omit<DiagnosticsFacts, 'vault'> {
  return {
    appVersion: app.getVersion(),
    isPackaged: app.isPackaged,
    versions: { electron: process.versions.electron ?? '?', chrome: process.versions.chrome ?? '?', node: process.versions.node, v8: process.versions.v8 },
    os: { platform: process.platform, release: release(), systemVersion: typeof process.getSystemVersion === 'function' ? process.getSystemVersion() : release(), arch: process.arch },
    locale: app.getLocale(),
    vaultInDefaultPlace,
    uptimeSeconds: process.uptime(),
  };
}

export interface HelpDeps {
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>;
  window(): BaseWindow | null;
  about: Omit<AboutInfo, 'vaultPath'>;
  vaultPath: string;
  /** The open vault, once it is. */
  vault(): Pick<Vault, 'db' | 'path' | 'attachmentsDir' | 'schemaVersion'> | null;
  facts(): Omit<DiagnosticsFacts, 'vault'>;
  logsDir: string;
  licencesPath: string;
  log(message: string, error: unknown): void;
}

/** The Help menu's items, on Electron's dialog, clipboard and shell. */
export function createHelpActions(deps: HelpDeps): HelpActions {
  const withWindow = <T>(options: T) => {
    const window = deps.window();
    return window ? deps.dialog.showMessageBox(window, options as Electron.MessageBoxOptions) : deps.dialog.showMessageBox(options as Electron.MessageBoxOptions);
  };

  const open = async (path: string, what: string) => {
    const error = await deps.shell.openPath(path);
    if (error) deps.dialog.showErrorBox(`Afterview could not open ${what}`, `${path}\n\n${error}`);
  };
  const openLicences = () => void open(deps.licencesPath, 'the licences');

  return {
    about: () => {
      void showAboutDialog(deps.dialog, deps.window(), { ...deps.about, vaultPath: deps.vaultPath }, {
        copy: (text) => deps.clipboard.writeText(text),
        openLicences,
        showVault: () => deps.shell.showItemInFolder(deps.vaultPath),
      }).catch((error: unknown) => deps.log('About could not show', error));
    },
    copyDiagnostics: () => {
      const vault = deps.vault();
      let stats: DiagnosticsFacts['vault'];
      try {
        stats = vault ? vaultStats(vault) : { error: 'the vault is not open' };
      } catch (error) {
        stats = { error: error instanceof Error ? error.message : String(error) };
      }
      const report = diagnosticsReport({ ...deps.facts(), vault: stats });
      // Shown before it is copied: the user sees that it holds numbers, never their notes.
      void withWindow({
        type: 'info',
        title: 'Diagnostics for a bug report',
        message: 'Diagnostics for a bug report',
        detail: `${report}\n\nNone of your openings, notes or names are in it. Copy it and paste it into your report.`,
        buttons: ['Copy', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
        .then(({ response }) => {
          if (response === 0) deps.clipboard.writeText(report);
        })
        .catch((error: unknown) => deps.log('Diagnostics could not show', error));
    },
    openLogFolder: () => void open(deps.logsDir, 'the log folder'),
    openLicences,
  };
}
