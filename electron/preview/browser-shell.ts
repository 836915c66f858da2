import type { Printer } from '#core/export/printer';
import type { ShellPort } from '#core/shell/port';
import type { ShellLog } from './shell-log';

export interface BrowserShellOptions {
  printer: Printer;
  log: ShellLog;
  /** Where a person running the preview sees a notification: a line on the console. */
  say(line: string): void;
}

/**
 * The shell port in the browser preview. Each call is recorded in the log
 * the end-to-end tests read, exactly as the desktop's adapter would receive
 * it. A link is then opened by the page itself, in the browser (the server
 * answers with the link as checked; renderer/src/api.ts opens it); a
 * notification becomes a console line; the tray's count has no tray, so it
 * is only recorded (when it changes); PDFs come from headless Chromium.
 */
export function createBrowserShell({ printer, log, say }: BrowserShellOptions): ShellPort {
  let lastDue = '';
  return {
    openExternal: async (url) => log.record({ kind: 'openExternal', url }),
    canNotify: () => true,
    notify({ title, body, reminderKey }) {
      log.record({ kind: 'notify', title, body, reminderKey });
      say(`Notification: ${title} — ${body.replace(/\n/g, ' ')}`);
    },
    showDue({ count, items }) {
      const shown = JSON.stringify([count, items]);
      if (shown === lastDue) return;
      lastDue = shown;
      log.record({ kind: 'showDue', count, items });
    },
    printer: {
      async pdf(html) {
        const pdf = await printer.pdf(html);
        log.record({ kind: 'print', bytes: pdf.length });
        return pdf;
      },
      close: () => printer.close(),
    },
  };
}
