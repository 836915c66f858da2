import { z } from 'zod';

export const BACKUP_REASONS = ['manual', 'daily', 'pre-migration', 'pre-restore', 'pre-encryption'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: 'Backed up by you',
  daily: 'Daily backup',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
  'pre-encryption': 'Before encryption changed',
};

/** A whole backup: the database, every attachment and a manifest, in one checked file. */
export const BACKUP_EXTENSION = 'afterview-backup';
/** Backups made before photos were included: the bare SQLite file. Still listed and restorable. */
export const LEGACY_BACKUP_EXTENSION = 'sqlite';

/** Backups are named by Afterview only; a name from the renderer must match this exactly. */
export const BACKUP_FILE_PATTERN = /^afterview-\d{8}T\d{6}(?:\d{3})?Z-(manual|daily|pre-migration|pre-restore|pre-encryption)\.(afterview-backup|sqlite)$/;

/**
 * How many of each kind are kept. Each kind has its own pool, so a burst of
 * one kind (ten clicks on "Back up now") never pushes out another. Daily
 * backups are also kept as the newest of each recent week and month.
 */
export const BACKUP_RETENTION = {
  daily: 7,
  weekly: 4,
  monthly: 6,
  manual: 10,
  'pre-migration': 5,
  'pre-restore': 5,
  'pre-encryption': 3,
} as const;

/** What a backup holds, counted when it was made: live rows, as the screens show them. */
export const backupCountsSchema = z.object({
  openings: z.number().int().nonnegative(),
  interviews: z.number().int().nonnegative(),
  contacts: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  letters: z.number().int().nonnegative(),
  photos: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** What a backup file says about itself, whether it sits in the backups folder or the user picked it. */
export const backupContentsSchema = z.object({
  /** Null for an older plain backup picked from elsewhere, whose name does not say when it was made. */
  createdAt: z.string().nullable(),
  /** Null for an older plain backup, which did not record it. */
  appVersion: z.string().nullable(),
  counts: backupCountsSchema,
  /** False for an older plain backup: the database only, without photos. */
  includesPhotos: z.boolean(),
});
export type BackupContents = z.infer<typeof backupContentsSchema>;

export const backupSchema = z.object({
  fileName: z.string(),
  reason: z.enum(BACKUP_REASONS),
  createdAt: z.string(),
  size: z.number().int(),
  /** Null when the file cannot be read: it is listed so the user sees it, but cannot be restored. */
  contents: backupContentsSchema.nullable(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupRefSchema = z
  .object({ fileName: z.string({ error: 'Choose a backup to restore.' }).max(120).regex(BACKUP_FILE_PATTERN, { error: 'That is not one of Afterview’s backups.' }) })
  .strict();

/** A backup file the user picked, copied aside and checked, waiting for "Restore". */
export const pickedBackupSchema = z.object({
  id: z.uuid(),
  /** The name of the file the user picked, for display only. */
  fileName: z.string().nullable(),
  size: z.number().int(),
  contents: backupContentsSchema,
});
export type PickedBackup = z.infer<typeof pickedBackupSchema>;

/** Where a picked backup comes from: the desktop's file dialog, or a file the preview's page uploaded. */
export const pickBackupSchema = z.union([
  z.object({ source: z.literal('dialog') }).strict(),
  z.object({ uploadId: z.uuid({ error: 'That upload is not one Afterview made.' }) }).strict(),
]);

export const pickedBackupRefSchema = z.object({ id: z.uuid({ error: 'Pick the backup file again.' }) }).strict();

/** The preview's route for a backup file the page uploads (the desktop uses a file dialog instead). */
export const BACKUP_UPLOAD_ROUTE = '/api/backups/upload';
