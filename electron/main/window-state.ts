import type { Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

export interface WindowStateStore {
  get(key: 'windowState'): WindowState | undefined;
  set(key: 'windowState', value: WindowState): void;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 760, height: 520 };

/**
 * The saved bounds, if they still land on a connected display; otherwise the
 * default size centred by the OS (a monitor may have been unplugged).
 */
export function restoreBounds(saved: WindowState | undefined, displays: Rectangle[]): { bounds: Partial<Rectangle>; maximized: boolean } {
  const bounds = saved?.bounds;
  if (!bounds || !isUsable(bounds)) return { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
  const visible = displays.some((area) => overlap(area, bounds) >= 100 * 100);
  if (!visible) return { bounds: { width: bounds.width, height: bounds.height }, maximized: saved.maximized };
  return { bounds, maximized: saved.maximized };
}

function isUsable(bounds: Rectangle): boolean {
  return [bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite) && bounds.width >= MIN_SIZE.width && bounds.height >= MIN_SIZE.height;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
