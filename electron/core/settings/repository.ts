import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '#shared/domain/settings';
import type { Db } from '../vault/db';
import { createSettingRows } from '../vault/repositories/setting-rows';

const KEY = 'settings';

/**
 * The user's settings, one JSON row in the vault. A value written by another
 * version that no longer parses falls back to the defaults field by field
 * rather than failing the whole app.
 */
export function createSettingsRepository(db: Db) {
  const rows = createSettingRows(db);
  let cached: Settings | null = null;

  function parseStored(raw: string): Settings {
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      return DEFAULT_SETTINGS;
    }
    const whole = settingsSchema.safeParse(stored);
    if (whole.success) return whole.data;
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (stored && typeof stored === 'object') {
      for (const [key, value] of Object.entries(stored)) {
        if (!(key in DEFAULT_SETTINGS)) continue;
        const candidate = settingsSchema.safeParse({ ...merged, [key]: value });
        if (candidate.success) merged[key] = (candidate.data as Record<string, unknown>)[key];
      }
    }
    return settingsSchema.parse(merged);
  }

  return {
    get(): Settings {
      if (!cached) {
        const stored = rows.read(KEY);
        cached = stored === undefined ? DEFAULT_SETTINGS : parseStored(stored);
      }
      return cached;
    },
    /** Reads them again next time: after a restore put other settings in the vault. */
    forget(): void {
      cached = null;
    },
    save(settings: Settings): Settings {
      rows.write(KEY, JSON.stringify(settings));
      cached = settings;
      return settings;
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
