import { captureSettingsSchema, type CaptureSettings } from '#shared/domain/capture';
import type { Db } from '../vault/connection';

const KEY = 'capture';
const DEFAULTS: CaptureSettings = captureSettingsSchema.parse({});

/**
 * The user's own e-mail addresses and the mailbox account, one JSON row of
 * the vault's settings table (so they travel with the vault and its backups).
 * The password is never here: it is kept by the shell's secret store.
 */
export function createCaptureSettings(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  function get(): CaptureSettings {
    const row = read.get(KEY);
    if (!row) return DEFAULTS;
    try {
      const parsed = captureSettingsSchema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : DEFAULTS;
    } catch {
      return DEFAULTS;
    }
  }

  function save(next: CaptureSettings): CaptureSettings {
    const checked = captureSettingsSchema.parse(next);
    write.run(KEY, JSON.stringify(checked));
    return checked;
  }

  return {
    get,
    saveOwnAddresses: (ownAddresses: readonly string[]): CaptureSettings => save({ ...get(), ownAddresses: [...ownAddresses] }),
    saveMailbox: (mailbox: CaptureSettings['mailbox']): CaptureSettings => save({ ...get(), mailbox }),
  };
}
export type CaptureSettingsStore = ReturnType<typeof createCaptureSettings>;
