interface HideableWindow {
  hide(): void;
}

interface QuittingApp {
  on(event: 'before-quit', listener: () => void): unknown;
}

export interface CloseToTrayOptions {
  /** The user's setting (settings.closeToTray). */
  enabled(): boolean;
  /** Whether the one-time explanation was shown already (kept in electron-store). */
  explained(): boolean;
  markExplained(): void;
  /** Tells the user, once, that Afterview keeps running in the tray. */
  explain(): void;
}

/**
 * Closing the window keeps Afterview in the tray, so reminders keep coming;
 * a real quit (tray, menu, Cmd+Q, logout) still quits. The first time it
 * hides, the user is told where the app went.
 */
export class CloseToTray {
  private quitting = false;

  constructor(private readonly options: CloseToTrayOptions) {}

  /** Any quit, even one held for a flush, means the window should really close. */
  watch(app: QuittingApp): void {
    app.on('before-quit', () => {
      this.quitting = true;
    });
  }

  /** Called by the close guard once the page has saved: true when the window was hidden instead of closed. */
  hideInstead(window: HideableWindow): boolean {
    if (this.quitting || !this.options.enabled()) return false;
    window.hide();
    if (!this.options.explained()) {
      this.options.markExplained();
      this.options.explain();
    }
    return true;
  }
}
