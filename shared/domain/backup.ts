import { z } from 'zod';

export const BACKUP_REASONS = ['manual', 'daily', 'pre-migration', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: 'Backed up by you',
  daily: 'Daily backup',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
};

/** Backups are named by Afterview only; a name from the renderer must match this exactly. */
export const BACKUP_FILE_PATTERN = /^afterview-\d{8}T\d{6}(?:\d{3})?Z-(manual|daily|pre-migration|pre-restore)\.sqlite$/;

export const backupSchema = z.object({
  fileName: z.string(),
  reason: z.enum(BACKUP_REASONS),
  createdAt: z.string(),
  size: z.number().int(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupRefSchema = z
  .object({ fileName: z.string({ error: 'Choose a backup to restore.' }).max(120).regex(BACKUP_FILE_PATTERN, { error: 'That is not one of Afterview’s backups.' }) })
  .strict();
