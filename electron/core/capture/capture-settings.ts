import { captureSettingsSchema, type CaptureSettings } from '#shared/domain/capture';
import type { Db } from '#core/vault/connection';
import { createSettingRows } from '#core/vault/repositories/setting-rows';

const KEY = 'capture';
const DEFAULTS: CaptureSettings = captureSettingsSchema.parse({});

/**
 * The user's own e-mail addresses and the mailbox account, one JSON row of
 * the vault's settings table (so they travel with the vault and its backups).
 * The password is never here: it is kept by the shell's secret store.
 */
export function createCaptureSettings(db: Db) {
  const rows = createSettingRows(db);

  function get(): CaptureSettings {
    const value = rows.read(KEY);
    if (value === undefined) return DEFAULTS;
    try {
      const parsed = captureSettingsSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : DEFAULTS;
    } catch {
      return DEFAULTS;
    }
  }

  function save(next: CaptureSettings): CaptureSettings {
    const checked = captureSettingsSchema.parse(next);
    rows.write(KEY, JSON.stringify(checked));
    return checked;
  }

  return {
    get,
    saveOwnAddresses: (ownAddresses: readonly string[]): CaptureSettings => save({ ...get(), ownAddresses: [...ownAddresses] }),
    saveMailbox: (mailbox: CaptureSettings['mailbox']): CaptureSettings => save({ ...get(), mailbox }),
  };
}
export type CaptureSettingsStore = ReturnType<typeof createCaptureSettings>;
