import type { CrashReporter } from 'electron';

/**
 * Electron's crash reporter, kept on this computer: a crash of any process
 * leaves a minidump in the app's crashDumps folder (beside the log), and
 * nothing is ever uploaded. Must start before the app is ready, so that it
 * watches every process from the first.
 */
export function startLocalCrashReporter(crashReporter: Pick<CrashReporter, 'start'>): void {
  crashReporter.start({ uploadToServer: false, compress: true });
}
