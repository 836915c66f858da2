import type { ExportProgress } from '#shared/domain/data-export';
import type { Printer } from './export/printer';
import type { ShellPort } from './shell/port';
import { createVaultExports, type VaultExports } from './export/vault/export-jobs';
import { createOutcomeRecorder } from './letters/outcome';
import { createThankYouNotes } from './letters/thank-you-notes';
import { createTouchpointLog } from './touchpoints/touchpoint-log';
import type { MailboxStatus } from '#shared/domain/capture';
import { createCaptureSettings } from './capture/capture-settings';
import { createEmailImport } from './capture/email-import';
import { createMailboxService } from './capture/imap/mailbox-service';
import type { OnVaultStateChange } from './keys/vault-state';
import type { MailboxSyncOptions } from './capture/imap/mailbox-sync';
import { sessionSecretStore, type SecretStore } from './capture/imap/secret-store';
import { createVaultCapture } from './capture/imap/vault-capture';
import { createInviteImport } from './capture/invite-import';
import { createPeopleMatch } from './capture/people-match';
import { systemTimeZone } from './system-time-zone';
import { createReminderService, type ReminderService } from './reminders/service';
import { createSettingsService, type SettingsService } from './settings/service';
import { createAttachmentStore } from './vault/attachments';
import { createBackups } from './backup/backups';
import { createOpeningsCsvImport } from './import/openings-csv';
import { createVaultImports, type VaultImports } from './import/vault/vault-imports';
import { MIGRATIONS } from './vault/migrations';
import type { Vault } from './vault/connection';
import { createCardsRepository } from './vault/repositories/cards';
import { createCompaniesRepository } from './vault/repositories/companies';
import { createContactsRepository } from './vault/repositories/contacts';
import { createInterviewsRepository } from './vault/repositories/interviews';
import { createInviteOffersRepository } from './vault/repositories/invite-offers';
import { createLettersRepository } from './vault/repositories/letters';
import { createNotesRepository } from './vault/repositories/notes';
import { createOpeningsRepository } from './vault/repositories/openings';
import { createReferencesRepository } from './vault/repositories/references';
import { createResearchRepository } from './vault/repositories/research';
import { createSearchRepository } from './vault/repositories/search';
import { createTemplatesRepository } from './vault/repositories/templates';
import { createTouchpointsRepository } from './vault/repositories/touchpoints';
import { createTrashRepository } from './vault/repositories/trash';

export interface CoreContext {
  vault: Vault;
  appVersion: string;
  /** Injected so tests control time. */
  now: () => Date;
  /** Turns print-ready HTML into a PDF; absent where nothing can print (a PDF export then says so). */
  printer?: Printer;
  /** Hands links to the system: the shell's port (absent in tests, where opening a link says it cannot). */
  shell?: Pick<ShellPort, 'openExternal'>;
  /** The shells pass the running one (timers, notifications); otherwise a quiet one that plans on demand. */
  reminders?: ReminderService;
  /** The vault's settings; the reminders' own when they are passed (one per vault: it caches, so two would disagree). */
  settings?: SettingsService;
  /** Progress of a whole-vault export, sent on to the page as 'exports.progress' events. */
  emitExportProgress?: (progress: ExportProgress) => void;
  /** The desktop shell's folder dialog; absent in the preview, which downloads a zip instead. */
  pickFolder?: () => Promise<string | null>;
  /** The desktop shell's save dialog for a whole-vault .zip; absent in the preview, which downloads it instead. */
  pickZipFile?: (fileName: string) => Promise<string | null>;
  /** The session's check that a passphrase is the one keeping the vault's key (for a zip protected with it). */
  isVaultPassphrase?: (passphrase: string) => Promise<boolean>;
  /** The desktop shell's dialog for a backup file to restore; absent in the preview, whose page uploads the file instead. */
  pickBackupFile?: () => Promise<string | null>;
  /** The preview passes its own, which it also streams zips from; otherwise one is made here. */
  vaultExports?: VaultExports;
  /** Progress of reading or importing a whole-vault export, sent on to the page as 'imports.progress' events. */
  emitImportProgress?: (progress: ExportProgress) => void;
  /** The desktop shell's dialog for an export's folder or .zip; absent in the preview, which uploads a zip instead. */
  pickImportSource?: (kind: 'folder' | 'zip') => Promise<string | null>;
  /** The preview passes its own, which it also receives uploaded zips with; otherwise one is made here. */
  vaultImports?: VaultImports;
  /** The session's word when the vault locks, unlocks or closes: the mailbox sync stops and resumes with it. */
  onVaultStateChange?: OnVaultStateChange;
  /** The session's way to put a restored database in place of an encrypted vault (backups.ts). */
  swapVaultFile?: (database: string) => Promise<void>;
  /** Where the mailbox password is kept: the desktop's keychain; otherwise this session's memory. */
  secrets?: SecretStore;
  /** The mailbox sync's status as it changes, sent on to the page as 'mailbox.progress' events. */
  emitMailboxProgress?: (status: MailboxStatus) => void;
  /** The tests' shorter timeouts and their own certificate authority. */
  mailbox?: { syncOptions?: Pick<MailboxSyncOptions, 'batchSize' | 'timeouts'>; trustedCertificates?: readonly string[] };
  /** The user's zone (the system's by default): for invites in UTC or with no zone. */
  timeZone?: () => string;
}

/** The repositories over one vault, built once and shared by every handler module. */
export function createServices(context: CoreContext) {
  const db = context.vault.db;
  const key = context.vault.key;
  const attachments = createAttachmentStore(context.vault.attachmentsDir, key);
  attachments.removeLeftovers();
  const backups = createBackups({ vaultPath: context.vault.path, db, attachmentsDir: context.vault.attachmentsDir, appVersion: context.appVersion, key, swapVaultFile: context.swapVaultFile });
  backups.removeLeftovers();
  // One settings service for everyone: it caches, so two would disagree; the reminders re-plan on its saves.
  const settings = context.reminders?.settings ?? context.settings ?? createSettingsService(db);
  const reminders = context.reminders ?? createReminderService({ db, now: context.now, settings });
  const companies = createCompaniesRepository(db);
  const openings = createOpeningsRepository(db, companies);
  const contacts = createContactsRepository(db, companies);
  const templates = createTemplatesRepository(db);
  const touchpoints = createTouchpointsRepository(db);
  const letters = createLettersRepository(db, touchpoints);
  // New timings apply to every letter not yet sent (see letterClock), on a save and after a restore alike.
  settings.onSaved((next) => letters.followPlaybook(next.playbook));
  const notes = createNotesRepository(db);
  const vaultImports =
    context.vaultImports ??
    createVaultImports({
      db,
      vaultPath: context.vault.path,
      key,
      attachments,
      migrations: MIGRATIONS,
      emitProgress: context.emitImportProgress,
      pickSource: context.pickImportSource,
    });
  vaultImports.removeLeftovers();
  const interviews = createInterviewsRepository(db, openings, contacts, createThankYouNotes(db, letters, templates, settings));
  const touchpointLog = createTouchpointLog(db, { openings, contacts, touchpoints, settings });
  const capture = createCapture(context, { interviews, openings, contacts, touchpoints, touchpointLog, reminders });
  return {
    ...context,
    ...capture,
    nowIso: () => context.now().toISOString(),
    backups,
    settings,
    companies,
    openings,
    contacts,
    // Logging or changing an interview keeps its thank-you notes in step, in the same transaction.
    interviews,
    notes,
    openingsCsv: createOpeningsCsvImport({ db, companies, openings, notes }),
    research: createResearchRepository(db, companies),
    cards: createCardsRepository(db, attachments),
    trash: createTrashRepository(db, attachments),
    templates,
    touchpoints,
    touchpointLog,
    letters,
    references: createReferencesRepository(db, touchpoints),
    recordOutcome: createOutcomeRecorder(db, { openings, contacts, letters, templates, settings }),
    reminders,
    search: createSearchRepository(db),
    vaultImports,
    vaultExports:
      context.vaultExports ??
      createVaultExports({
        db,
        attachmentsDir: context.vault.attachmentsDir,
        key,
        schemaVersion: context.vault.schemaVersion,
        appVersion: context.appVersion,
        now: context.now,
        emitProgress: context.emitExportProgress,
        pickFolder: context.pickFolder,
        pickZipFile: context.pickZipFile,
        isVaultPassphrase: context.isVaultPassphrase,
      }),
  };
}
export type Services = ReturnType<typeof createServices>;

interface CaptureDeps {
  interviews: ReturnType<typeof createInterviewsRepository>;
  openings: ReturnType<typeof createOpeningsRepository>;
  contacts: ReturnType<typeof createContactsRepository>;
  touchpoints: ReturnType<typeof createTouchpointsRepository>;
  touchpointLog: ReturnType<typeof createTouchpointLog>;
  reminders: ReminderService;
}

/** Invites and e-mails into interviews and touchpoints, and the mailbox sync. */
function createCapture(context: CoreContext, { interviews, openings, contacts, touchpoints, touchpointLog, reminders }: CaptureDeps) {
  const db = context.vault.db;
  const timeZone = context.timeZone ?? systemTimeZone;
  const captureSettings = createCaptureSettings(db);
  const people = createPeopleMatch(db);
  const inviteImport = createInviteImport(db, { interviews, people, captureSettings, now: context.now, timeZone });
  const emailImport = createEmailImport(db, { openings, contacts, touchpoints, touchpointLog, people, invites: inviteImport, captureSettings, now: context.now, timeZone });
  const vaultCapture = createVaultCapture(db, { touchpoints, offers: createInviteOffersRepository(db), touchpointLog, people, invites: inviteImport, now: context.now });
  const mailbox = createMailboxService({
    captureSettings,
    secrets: context.secrets ?? sessionSecretStore(),
    capture: vaultCapture,
    now: context.now,
    timeZone,
    emit: context.emitMailboxProgress,
    onLogged: () => reminders.planSoon(),
    syncOptions: context.mailbox?.syncOptions,
    trustedCertificates: context.mailbox?.trustedCertificates,
  });
  // A locked vault takes no background writes: the sync stops as it locks and picks up again as it opens.
  context.onVaultStateChange?.((change) => {
    if (change === 'locked') mailbox.holdForLock();
    else if (change === 'unlocked') void mailbox.resumeAfterUnlock();
    else mailbox.stop();
  });
  return { captureSettings, inviteImport, emailImport, vaultCapture, mailbox };
}
