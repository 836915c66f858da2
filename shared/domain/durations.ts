/**
 * A playbook setting in words, for text that states it ("within 24 hours",
 * "every 30 days, 3 times"). One place, so every screen and every reminder
 * says the saved value the same way.
 */
const numberWords = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function count(value: number, one: string, many: string): string {
  return `${numberWords.format(value)} ${value === 1 ? one : many}`;
}

export const hoursInWords = (hours: number): string => count(hours, 'hour', 'hours');
export const daysInWords = (days: number): string => count(days, 'day', 'days');
export const monthsInWords = (months: number): string => count(months, 'month', 'months');
export const timesInWords = (times: number): string => (times === 1 ? 'once' : times === 2 ? 'twice' : `${numberWords.format(times)} times`);
