import { z } from 'zod';
import { backupRefSchema, backupSchema, pickBackupSchema, pickedBackupRefSchema, pickedBackupSchema } from '#shared/domain/backup';
import { noInput } from '../no-input';

export const backupChannels = {
  /** Newest first, each with what it holds. */
  'backups.list': { effect: 'reads', input: noInput, output: z.object({ folder: z.string(), backups: z.array(backupSchema) }) },
  /** "Back up now": made, checked, then kept. */
  'backups.create': { effect: 'reads', input: noInput, output: backupSchema },
  /** Restores a backup from the list, keeping the current vault as a backup first. */
  'backups.restore': { effect: 'writes', input: backupRefSchema, output: z.object({ restored: backupSchema, safetyCopy: backupSchema }) },
  /**
   * A backup file from anywhere: through the desktop's file dialog, or a file
   * the preview's page uploaded. Copied aside and checked completely; null
   * when the user closed the dialog. Nothing in the vault changes.
   */
  'backups.pick': { effect: 'reads', input: pickBackupSchema, output: pickedBackupSchema.nullable() },
  /** Restores the picked file, keeping the current vault as a backup first. */
  'backups.restorePicked': { effect: 'writes', input: pickedBackupRefSchema, output: z.object({ safetyCopy: backupSchema }) },
} as const;
