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

interface SyncRequest {
  settings: MailboxAccountSettings;
  password: string;
  /** Keeps a newly connected account once the server accepted it; null for a sync of the account kept. */
  keep: (() => void) | null;
}

const NOTHING_READ: MailboxProgress = { mailbox: null, mailboxesDone: 0, mailboxesTotal: 0, found: 0, read: 0, logged: 0, skipped: 0, unreadable: 0, invites: 0 };

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
  /** The sync under way, and what started it (to start it again after a lock). */
  let running: { sync: MailboxSync; done: Promise<SyncOutcome>; request: SyncRequest } | null = null;
  let state: MailboxStatus['state'] = 'idle';
  let progress: MailboxProgress | null = null;
  let lastResult: MailboxStatus['lastResult'] = null;
  /** Whether the user asked the sync under way to pause. */
  let pauseAsked = false;
  /** The vault is locked: nothing is written into it from here until it opens again. */
  let vaultLocked = false;
  /** A sync the lock stopped, to start again (paused again, if it had been asked to) when the vault opens. */
  let resumeOnUnlock: { request: SyncRequest; paused: boolean } | null = null;

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
    const request: SyncRequest = { settings, password, keep };
    if (running) throw new AppError('CONFLICT', 'Your mailbox is already being read. Pause it or wait for it to finish.');
    if (vaultLocked) throw new AppError('LOCKED', 'The vault is locked. Type your passphrase to open it, then read your mailbox.');
    const account = accountOf(settings, password);
    checked(account);
    state = 'connecting';
    progress = null;
    pauseAsked = false;
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
      if (outcome.outcome === 'cancelled' && resumeOnUnlock) {
        // Stopped by the lock, not by the user: no result to show, it starts again on unlock.
        state = 'idle';
        progress = null;
        tell();
        return outcome;
      }
      const failure = outcome.failure ?? null;
      if (keep && !(failure && ACCOUNT_FAILURES.has(failure.kind))) keep();
      state = 'idle';
      progress = null;
      lastResult = { outcome: outcome.outcome, at: deps.now().toISOString(), progress: progressOf(outcome.progress), failure };
      tell();
      return outcome;
    });
    running = { sync, done, request };
    tell();
    return status();
  }

  const service = {
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
      if (running) pauseAsked = true;
      running?.sync.pause();
      return status();
    },
    resume(): MailboxStatus {
      pauseAsked = false;
      running?.sync.resume();
      return status();
    },
    /** Forgets the account and its password; what was logged stays. */
    async forget(): Promise<MailboxStatus> {
      resumeOnUnlock = null;
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
    /**
     * The vault locked: a sync reading the mailbox stops at once, and the
     * batch under way is not recorded (a cancel), so nothing is written
     * into the locked vault; it is remembered, to start again on unlock from
     * where it left off (each message is logged once). A sync already paused
     * holds no connection and writes nothing: it stays as it is.
     */
    holdForLock(): void {
      vaultLocked = true;
      if (!running || state === 'paused') return;
      resumeOnUnlock ??= { request: running.request, paused: pauseAsked };
      running.sync.cancel();
    },
    /** The vault opened again: the sync the lock stopped starts again, once the stopped one has ended. */
    async resumeAfterUnlock(): Promise<void> {
      vaultLocked = false;
      const resume = resumeOnUnlock;
      if (!resume) return;
      await running?.done;
      // Locked again, forgotten, or started by hand meanwhile: nothing to do (or not yet).
      if (vaultLocked || resumeOnUnlock !== resume || running) return;
      resumeOnUnlock = null;
      try {
        // The same sync again (a new account is still kept only once the server accepts it).
        const { settings, password, keep } = resume.request;
        start(settings, password, keep);
        if (resume.paused) service.pause();
      } catch (error) {
        // It cannot start again (the account was forgotten meanwhile): said as the result of the sync.
        lastResult = { outcome: 'failed', at: deps.now().toISOString(), progress: NOTHING_READ, failure: { kind: 'settings', message: error instanceof Error ? error.message : String(error) } };
        tell();
      }
    },
    /** The sync under way, for the tests and the shell's quit. */
    whenIdle: (): Promise<unknown> => running?.done ?? Promise.resolve(),
    stop(): void {
      resumeOnUnlock = null;
      running?.sync.cancel();
    },
  };
  return service;
}
export type MailboxService = ReturnType<typeof createMailboxService>;
