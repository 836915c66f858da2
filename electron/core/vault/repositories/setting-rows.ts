import type { Db } from '../db';
import { settingsTable } from '../tables/settings';
import { insertSql } from '../tables/sql';

/**
 * The settings table: one JSON text per key ("settings", "tips", "capture"), so what the
 * user chose travels with the vault. What each value means is its owner's
 * (settings/repository.ts, settings/tips.ts, capture/capture-settings.ts).
 */
export function createSettingRows(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare<{ key: string; value: string }>(insertSql(settingsTable, { then: 'ON CONFLICT(key) DO UPDATE SET value = excluded.value' }));
  return {
    /** The stored text, or undefined when the key was never written. */
    read: (key: string): string | undefined => read.get(key)?.value,
    write: (key: string, value: string): void => {
      write.run({ key, value });
    },
  };
}
