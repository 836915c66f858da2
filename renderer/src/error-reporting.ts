import { reportPageError, type PageErrorReport } from './api';

function describe(error: unknown): Pick<PageErrorReport, 'message' | 'stack'> {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  return { message: String(error) };
}

/** One error for the log, with the screen it happened on (the hash route, never the content). */
export function reportError(error: unknown, extraStack?: string): void {
  const { message, stack } = describe(error);
  try {
    reportPageError({ level: 'error', message, stack: [stack, extraStack].filter(Boolean).join('\n') || undefined, route: window.location.hash || '#/' });
  } catch {
    // Reporting must never be what breaks the page.
  }
}

/**
 * Errors nothing on the page caught (a failed handler, a rejected promise
 * nobody awaited) go to the desktop app's log as well as the console, so a
 * bug report can say what went wrong. React's own uncaught render errors
 * come through the root's onUncaughtError (main.tsx).
 */
export function installErrorReporting(): () => void {
  const onError = (event: ErrorEvent) => reportError(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => reportError(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
