import { agendaSchema, reminderKeySchema, reminderViewSchema, snoozeInputSchema } from '../../domain/reminder';
import { settingsSaveSchema, settingsSchema } from '../../domain/settings';
import { noInput } from '../no-input';

export const reminderChannels = {
  'reminders.agenda': { input: noInput, output: agendaSchema },
  'reminders.snooze': { input: snoozeInputSchema, output: reminderViewSchema },
  'reminders.done': { input: reminderKeySchema, output: reminderViewSchema },
  'reminders.dismiss': { input: reminderKeySchema, output: reminderViewSchema },
  /** Brings back an item marked done or dismissed by mistake. */
  'reminders.reopen': { input: reminderKeySchema, output: reminderViewSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  /** Replaces the settings (all of them); the playbook re-plans at once. */
  'settings.save': { input: settingsSaveSchema, output: settingsSchema },
} as const;
