import { TIP_IDS, type TipId, type TipsState } from '#shared/domain/tips';
import type { Db } from '../vault/db';
import { createSettingRows } from '../vault/repositories/setting-rows';

/**
 * Dismissed tips, in their own row of the settings table rather than inside
 * the settings object: settings.save replaces that object whole, so a screen
 * holding older settings would otherwise bring a dismissed tip back.
 */
const KEY = 'tips';

export function createTipsRepository(db: Db) {
  const rows = createSettingRows(db);

  function get(): TipsState {
    const stored = rows.read(KEY);
    if (stored === undefined) return { dismissed: [] };
    let value: unknown;
    try {
      value = JSON.parse(stored);
    } catch {
      return { dismissed: [] };
    }
    // Keep what is still a known tip; a tip a later version removed, or a damaged value, is dropped.
    const list = value && typeof value === 'object' && Array.isArray((value as { dismissed?: unknown }).dismissed) ? (value as { dismissed: unknown[] }).dismissed : [];
    const known = list.filter((id): id is TipId => typeof id === 'string' && (TIP_IDS as readonly string[]).includes(id));
    return { dismissed: [...new Set(known)] };
  }

  function save(state: TipsState): TipsState {
    rows.write(KEY, JSON.stringify(state));
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
