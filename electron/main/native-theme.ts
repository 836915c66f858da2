import type { NativeTheme } from 'electron';
import { resolveTheme, THEME_BACKGROUNDS, type ThemeChoice } from '#shared/domain/theme';

type ThemeSource = Pick<NativeTheme, 'themeSource' | 'shouldUseDarkColors'>;

/**
 * The user's appearance choice, told to Electron: native menus, dialogs and the
 * page's prefers-color-scheme then follow it too.
 */
export function applyThemeChoice(nativeTheme: ThemeSource, choice: ThemeChoice): void {
  nativeTheme.themeSource = choice;
}

/** The colour a new window starts with, matching the page it is about to show. */
export function windowBackground(nativeTheme: ThemeSource, choice: ThemeChoice): string {
  return THEME_BACKGROUNDS[resolveTheme(choice, nativeTheme.shouldUseDarkColors)];
}
