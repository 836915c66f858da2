import { z } from 'zod';
import { playbookSettingsSchema } from './playbook';
import { themeChoiceSchema } from './theme';

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
    theme: themeChoiceSchema.default('system'),
  })
  .strict();
export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

const section = (label: string) => ({ error: `Settings must include ${label}: save them whole, as loaded.` });

/**
 * What settings.save takes: the whole settings, every section present, since
 * a save replaces them and a partial one would quietly reset the rest.
 */
export const settingsSaveSchema = z
  .object({
    profile: z.object(profileSchema.shape, section('the profile')).strict(),
    playbook: z.object(playbookSettingsSchema.shape, section('the playbook timings')).strict(),
    quietHours: z.object(quietHoursSchema.shape, section('the quiet hours')).strict(),
    notifications: z.boolean(section('whether to notify (true or false)')),
    launchAtLogin: z.boolean(section('whether to launch at login (true or false)')),
    closeToTray: z.boolean(section('whether closing the window keeps Afterview in the tray (true or false)')),
    theme: z.enum(themeChoiceSchema.options, section('the appearance (system, light or dark)')),
  })
  .strict();
