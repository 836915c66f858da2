/** The system's zone, read again at most once a minute: making a formatter to ask costs more than an agenda read. */
let systemZone: { zone: string; readAt: number } | undefined;

/** The machine's time zone: days are counted on its calendar, as the user lives them. */
export function systemTimeZone(): string {
  const now = Date.now();
  if (!systemZone || now - systemZone.readAt > 60_000) systemZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  return systemZone.zone;
}
