import { z } from 'zod';
import { playbookSettingsSchema } from './playbook';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Time must be HH:MM, e.g. 21:30.' });

export const quietHoursSchema = z
  .object({
    enabled: z.boolean().default(false),
    start: clockTime.default('21:00'),
    end: clockTime.default('08:00'),
  })
  .strict();
export type QuietHours = z.output<typeof quietHoursSchema>;

/** Who the user is, for signing letters. */
export const profileSchema = z
  .object({
    name: z.string().trim().max(200).default(''),
    address: z.string().trim().max(1000).default(''),
  })
  .strict();

/** Everything the user can set; stored in the vault so it travels with it. */
export const settingsSchema = z
  .object({
    profile: profileSchema.default(profileSchema.parse({})),
    playbook: playbookSettingsSchema.default(playbookSettingsSchema.parse({})),
    quietHours: quietHoursSchema.default(quietHoursSchema.parse({})),
    notifications: z.boolean().default(true),
    launchAtLogin: z.boolean().default(false),
    closeToTray: z.boolean().default(true),
  })
  .strict();
export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
