/**
 * The live countdown on a letter: time left, then overdue. Thresholds come
 * from the playbook (nudge at +2 h, warning at +20 h of a 24 h window).
 */
export type CountdownState = 'sent' | 'on_time' | 'nudge' | 'warning' | 'overdue';

export interface Countdown {
  state: CountdownState;
  /** "21 h 4 min left", "Overdue by 3 h", "Sent". */
  label: string;
  msLeft: number;
}

export function countdown(startedAt: string, dueAt: string, sentAt: string | null, now: Date, thresholds: { nudgeHours: number; warningHours: number }): Countdown {
  const left = Date.parse(dueAt) - now.getTime();
  if (sentAt) return { state: 'sent', label: 'Sent', msLeft: left };
  if (left <= 0) return { state: 'overdue', label: `Overdue by ${formatDuration(-left)}`, msLeft: left };
  const elapsedHours = (now.getTime() - Date.parse(startedAt)) / 3_600_000;
  const state: CountdownState = elapsedHours >= thresholds.warningHours ? 'warning' : elapsedHours >= thresholds.nudgeHours ? 'nudge' : 'on_time';
  return { state, label: `${formatDuration(left)} left`, msLeft: left };
}

/** "2 d 3 h", "5 h 12 min", "12 min", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
