import type { Dialog } from 'electron';

export interface MainErrorOptions {
  log(message: string, error: unknown): void;
  dialog: Pick<Dialog, 'showMessageBox' | 'showErrorBox'>;
  /** Dialogs with buttons need the app ready; before that, only the plain error box can show. */
  isReady(): boolean;
  openLogFolder(): void;
}

/**
 * An error nothing caught in the main process: always logged, and shown to
 * the user once per run (a second one in the same run would only repeat the
 * first; the log has them all). The app keeps running: saves that were
 * acknowledged are already in the vault.
 */
export function handleMainProcessErrors(proc: Pick<NodeJS.Process, 'on'>, options: MainErrorOptions): (error: unknown) => void {
  let shown = false;
  const report = (error: unknown) => {
    options.log('An error in the main process was not caught', error);
    if (shown) return;
    shown = true;
    const reason = error instanceof Error ? error.message : String(error);
    const detail = `Your saved work is safe. The details are in Afterview’s log; if this happens again, Help ▸ Copy Diagnostics gives what a bug report needs.\n\n(${reason})`;
    if (!options.isReady()) {
      options.dialog.showErrorBox('Something went wrong in Afterview', detail);
      return;
    }
    void options.dialog
      .showMessageBox({ type: 'error', title: 'Something went wrong', message: 'Something went wrong in Afterview', detail, buttons: ['OK', 'Open Log Folder'], defaultId: 0, cancelId: 0 })
      .then(({ response }) => {
        if (response === 1) options.openLogFolder();
      })
      .catch((dialogError: unknown) => options.log('The error dialog could not show', dialogError));
  };
  proc.on('uncaughtException', report);
  proc.on('unhandledRejection', report);
  return report;
}
