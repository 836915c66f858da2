import type { MailboxAccountSettings, MailboxProgress, MailboxStatus } from '#shared/domain/capture';
import { AppError } from '#core/errors';
import type { CaptureSettingsStore } from '../capture-settings';
import { checkedAccount, type MailboxAccount } from './mailbox-account';
import { startMailboxSync, type MailboxSync, type MailboxSyncOptions, type SyncOutcome, type SyncProgress } from './mailbox-sync';
import type { SecretStore } from './secret-store';
import { SyncFailure } from './sync-failure';
import type { VaultCapture } from './vault-capture';

interface Deps {
  captureSettings: CaptureSettingsStore;
  secrets: SecretStore;
  capture: VaultCapture;
  now: () => Date;
  timeZone: () => string;
  /** Every change of the status: sent on to the page as 'mailbox.progress' events. */
  emit?: (status: MailboxStatus) => void;
  /** After a sync logged something: the reminders re-plan (a reply ends a silence). */
  onLogged?: () => void;
  /** The tests' shorter timeouts and batches. */
  syncOptions?: Pick<MailboxSyncOptions, 'batchSize' | 'timeouts'>;
  /** Extra certificate authorities to trust (the tests' own). */
  trustedCertificates?: readonly string[];
}

/** Failures that say the account itself is wrong: a new one is then not kept. */
const ACCOUNT_FAILURES = new Set(['settings', 'tls-required', 'auth', 'unreachable', 'tls']);

function progressOf(progress: SyncProgress): MailboxProgress {
  const { state: _state, ...rest } = progress;
  return rest;
}

/**
 * The user's mailbox in the background: one sync at a time, with progress,
 * pause and resume, and the last result kept for the screen. Connecting a new
 * account keeps it (and its password) only once the server accepted it: a
 * wrong password, an unreachable server or a refused certificate changes
 * nothing, neither the vault nor the account already kept.
 */
export function createMailboxService(deps: Deps) {
  let running: { sync: MailboxSync; done: Promise<SyncOutcome> } | null = null;
  let state: MailboxStatus['state'] = 'idle';
  let progress: MailboxProgress | null = null;
  let lastResult: MailboxStatus['lastResult'] = null;

  function status(): MailboxStatus {
    const account = deps.captureSettings.get().mailbox;
    return {
      account,
      passwordSaved: account !== null && deps.secrets.read() !== null,
      passwordStore: deps.secrets.kind,
      state,
      progress,
      lastResult,
      invitesWaiting: deps.capture.offersWaiting(),
    };
  }

  function tell(): void {
    try {
      deps.emit?.(status());
    } catch {
      // A page that went away does not stop the sync.
    }
  }

  function accountOf(settings: MailboxAccountSettings, password: string): MailboxAccount {
    return {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      user: settings.user,
      password,
      allowUnencryptedOnThisComputer: settings.allowUnencryptedOnThisComputer,
      ...(deps.trustedCertificates ? { trustedCertificates: deps.trustedCertificates } : {}),
    };
  }

  function checked(account: MailboxAccount): void {
    try {
      checkedAccount(account);
    } catch (error) {
      if (error instanceof SyncFailure) throw new AppError('INVALID_INPUT', error.message);
      throw error;
    }
  }

  function start(settings: MailboxAccountSettings, password: string, keep: (() => void) | null): MailboxStatus {
    if (running) throw new AppError('CONFLICT', 'Your mailbox is already being read. Pause it or wait for it to finish.');
    const account = accountOf(settings, password);
    checked(account);
    state = 'connecting';
    progress = null;
    const sync = startMailboxSync(
      { account, since: new Date(`${settings.since}T00:00:00Z`), ownAddresses: deps.captureSettings.get().ownAddresses, fallbackTimeZone: deps.timeZone() },
      {
        vault: deps.capture.port,
        now: deps.now,
        ...deps.syncOptions,
        onProgress: (next) => {
          const logged = progress?.logged ?? 0;
          state = next.state;
          progress = progressOf(next);
          if (next.logged > logged) deps.onLogged?.();
          if (next.state !== 'finished' && next.state !== 'failed' && next.state !== 'cancelled') tell();
        },
      },
    );
    const done = sync.done.then((outcome) => {
      running = null;
      const failure = outcome.failure ?? null;
      if (keep && !(failure && ACCOUNT_FAILURES.has(failure.kind))) keep();
      state = 'idle';
      progress = null;
      lastResult = { outcome: outcome.outcome, at: deps.now().toISOString(), progress: progressOf(outcome.progress), failure };
      tell();
      return outcome;
    });
    running = { sync, done };
    tell();
    return status();
  }

  return {
    status,
    /** Connects a mailbox (or the same one with a new password) and reads it; kept once the server accepts it. */
    connect(settings: MailboxAccountSettings, password: string | undefined): MailboxStatus {
      const kept = deps.captureSettings.get().mailbox;
      const secret = password ?? (kept ? deps.secrets.read() : null);
      if (!secret) throw new AppError('INVALID_INPUT', 'Enter the password of your mailbox (or an app password).', 'password');
      if (deps.secrets.kind === 'unavailable') throw new AppError('FORBIDDEN', 'This computer has no keychain to keep the password safely, so Afterview cannot keep it.');
      return start(settings, secret, () => {
        deps.captureSettings.saveMailbox(settings);
        if (password !== undefined) deps.secrets.save(password);
      });
    },
    /** Reads the mailbox kept, from where the last sync's messages left off (each is logged once). */
    sync(): MailboxStatus {
      const settings = deps.captureSettings.get().mailbox;
      const password = deps.secrets.read();
      if (!settings) throw new AppError('INVALID_INPUT', 'Connect your mailbox first.');
      if (!password) throw new AppError('INVALID_INPUT', 'Afterview no longer has the password of your mailbox. Enter it again and connect.', 'password');
      return start(settings, password, null);
    },
    pause(): MailboxStatus {
      running?.sync.pause();
      return status();
    },
    resume(): MailboxStatus {
      running?.sync.resume();
      return status();
    },
    /** Forgets the account and its password; what was logged stays. */
    async forget(): Promise<MailboxStatus> {
      if (running) {
        running.sync.cancel();
        await running.done;
      }
      deps.secrets.clear();
      deps.captureSettings.saveMailbox(null);
      lastResult = null;
      tell();
      return status();
    },
    /** The sync under way, for the tests and the shell's quit. */
    whenIdle: (): Promise<unknown> => running?.done ?? Promise.resolve(),
    stop(): void {
      running?.sync.cancel();
    },
  };
}
export type MailboxService = ReturnType<typeof createMailboxService>;
