import type { Services } from '../services';
import type { HandlersFor } from './types';

type ReminderChannel = 'reminders.agenda' | 'reminders.snooze' | 'reminders.done' | 'reminders.dismiss' | 'reminders.reopen';

export function reminderHandlers(services: Services): HandlersFor<ReminderChannel> {
  const { reminders } = services;
  return {
    'reminders.agenda': () => reminders.agenda(),
    // The schema lets exactly one of the two through.
    'reminders.snooze': ({ key, choice, until }) => reminders.snooze(key, choice ? { choice } : { until: until ?? '' }),
    'reminders.done': ({ key }) => reminders.done(key),
    'reminders.dismiss': ({ key }) => reminders.dismiss(key),
    'reminders.reopen': ({ key }) => reminders.reopen(key),
  };
}
