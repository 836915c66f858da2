import { useEffect, useSyncExternalStore } from 'react';
import { resolveTheme, THEME_CHOICES, type ThemeChoice } from '#shared/domain/theme';
import { call } from './api';

/** Remembered in the page's storage too, for public/theme-boot.js to paint the right theme before the vault answers. */
export const THEME_STORAGE_KEY = 'afterview.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

let stopFollowingSystem: (() => void) | undefined;

/** The choice last applied (or remembered from the last run). */
export function currentThemeChoice(): ThemeChoice {
  const attribute = document.documentElement.getAttribute('data-theme-choice');
  return THEME_CHOICES.find((choice) => choice === attribute) ?? 'system';
}

/** Told whenever a choice is applied, so a screen showing the choice keeps up with the command palette. */
const CHOICE_EVENT = 'afterview:theme-choice';

/** The choice applied now, kept current wherever it is changed from. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener(CHOICE_EVENT, onChange);
      return () => window.removeEventListener(CHOICE_EVENT, onChange);
    },
    currentThemeChoice,
  );
}

/**
 * Paints the app in the chosen theme (data-theme on <html> holds the resolved
 * one, which the colour variables key on) and, for "system", keeps following
 * the operating system as it switches.
 */
export function applyThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  const paint = () => root.setAttribute('data-theme', resolveTheme(choice, systemPrefersDark()));
  root.setAttribute('data-theme-choice', choice);
  paint();
  stopFollowingSystem?.();
  stopFollowingSystem = undefined;
  if (choice === 'system' && typeof window.matchMedia === 'function') {
    const query = window.matchMedia(DARK_QUERY);
    query.addEventListener('change', paint);
    stopFollowingSystem = () => query.removeEventListener('change', paint);
  }
  window.dispatchEvent(new Event(CHOICE_EVENT));
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Without storage the next start paints the system theme first, then this one.
  }
}

/**
 * Applies a choice at once and saves it in the vault on its own, apart from
 * any other unsaved settings. Rejects when saving fails: the theme still shows
 * for now, and the caller says it was not kept.
 */
export async function saveThemeChoice(choice: ThemeChoice): Promise<void> {
  applyThemeChoice(choice);
  const current = await call('settings.get');
  await call('settings.save', { ...current, theme: choice });
}

/** Once per start: the choice saved in the vault wins over the one remembered in the page (another computer may have changed it). */
export function useThemeFromVault(): void {
  useEffect(() => {
    let live = true;
    call('settings.get')
      .then((settings) => {
        // Applied even when unchanged: it starts following the system's switches for "system".
        if (live) applyThemeChoice(settings.theme);
      })
      // The theme remembered in the page stays; the settings screen will say what went wrong.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
}
