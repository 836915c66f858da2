import type { Printer } from '../export/printer';

/** A notification as a shell shows it. */
export interface ShellNotification {
  title: string;
  body: string;
  /** The reminder it is about (a click opens it), or null for a summary of several (a click opens Today). */
  reminderKey: string | null;
}

/** One line of the tray's list of what comes next. */
export interface DueLine {
  key: string;
  title: string;
  /** e.g. "overdue", "in 3 h". */
  when: string;
}

/** What the tray shows: how many items are due now, and the next few. */
export interface TrayState {
  count: number;
  items: DueLine[];
}

/**
 * What only a shell can do, behind one port: hand a link to the operating
 * system, show a notification, show the tray's count, print to PDF. The
 * policy of each is written once, in core or shared code, and runs before
 * the port is called: which links may leave (shared/domain/links.ts, through
 * open-link.ts), what a notification and the tray may show (alert-text.ts,
 * reminder-alerts.ts). The adapters only carry it out: the desktop with
 * Electron (electron/main/electron-shell.ts), the browser preview with the
 * browser and a log the end-to-end tests read (electron/preview/browser-shell.ts).
 *
 * Saving a file is the page's own download in both shells (the bytes are
 * already there, and a vault's CSV can run to hundreds of megabytes): the
 * desktop adapter for it is the save dialog in electron/main/downloads.ts.
 */
export interface ShellPort {
  /**
   * Hands a link to the browser or mail app. Called only with a link the
   * policy let through, exactly as it will leave; rejects when the system
   * could not open it (no mail app set up, say).
   */
  openExternal(url: string): Promise<void>;
  /** Whether the system can show notifications at all (a Linux desktop without a notification service cannot). */
  canNotify(): boolean;
  /** Shows one notification; a click on it comes back to the shell's wiring with its reminderKey. */
  notify(notification: ShellNotification): void;
  /** Shows how many items are due and the next few (the tray's icon, tooltip and menu). */
  showDue(state: TrayState): void;
  /** Turns print-ready HTML into a PDF. */
  printer: Printer;
}
