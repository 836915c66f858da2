import { agendaSchema, reminderKeySchema, reminderViewSchema, snoozeInputSchema } from '#shared/domain/reminder';
import { settingsSaveSchema, settingsSchema } from '#shared/domain/settings';
import { noInput } from '../no-input';

export const reminderChannels = {
  'reminders.agenda': { effect: 'reads', input: noInput, output: agendaSchema },
  'reminders.snooze': { effect: 'writes', input: snoozeInputSchema, output: reminderViewSchema },
  'reminders.done': { effect: 'writes', input: reminderKeySchema, output: reminderViewSchema },
  'reminders.dismiss': { effect: 'writes', input: reminderKeySchema, output: reminderViewSchema },
  /** Brings back an item marked done or dismissed by mistake. */
  'reminders.reopen': { effect: 'writes', input: reminderKeySchema, output: reminderViewSchema },
  'settings.get': { effect: 'reads', input: noInput, output: settingsSchema },
  /** Replaces the settings (all of them); the playbook re-plans at once. */
  'settings.save': { effect: 'writes', input: settingsSaveSchema, output: settingsSchema },
} as const;
