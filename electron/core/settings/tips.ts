import { TIP_IDS, type TipId, type TipsState } from '../../../shared/domain/tips';
import type { Db } from '../vault/connection';

/**
 * Dismissed tips, in their own row of the settings table rather than inside
 * the settings object: settings.save replaces that object whole, so a screen
 * holding older settings would otherwise bring a dismissed tip back.
 */
const KEY = 'tips';

export function createTipsRepository(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  function get(): TipsState {
    const row = read.get(KEY);
    if (!row) return { dismissed: [] };
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      return { dismissed: [] };
    }
    // Keep what is still a known tip; a tip a later version removed, or a damaged value, is dropped.
    const list = stored && typeof stored === 'object' && Array.isArray((stored as { dismissed?: unknown }).dismissed) ? (stored as { dismissed: unknown[] }).dismissed : [];
    const known = list.filter((id): id is TipId => typeof id === 'string' && (TIP_IDS as readonly string[]).includes(id));
    return { dismissed: [...new Set(known)] };
  }

  function save(state: TipsState): TipsState {
    write.run(KEY, JSON.stringify(state));
    return state;
  }

  return {
    get,
    dismiss(id: TipId): TipsState {
      const current = get();
      return current.dismissed.includes(id) ? current : save({ dismissed: [...current.dismissed, id] });
    },
    reset(): TipsState {
      return save({ dismissed: [] });
    },
  };
}
export type TipsRepository = ReturnType<typeof createTipsRepository>;
