import { z } from 'zod';
import { backupRefSchema, backupSchema } from '../../domain/backup';
import { noInput } from '../no-input';

export const backupChannels = {
  /** Newest first. */
  'backups.list': { effect: 'reads', input: noInput, output: z.object({ folder: z.string(), backups: z.array(backupSchema) }) },
  /** "Back up now": made, checked, then kept. */
  'backups.create': { effect: 'reads', input: noInput, output: backupSchema },
  /** Restores a backup into the vault, keeping the current vault as a backup first. */
  'backups.restore': { effect: 'writes', input: backupRefSchema, output: z.object({ restored: backupSchema, safetyCopy: backupSchema }) },
} as const;
