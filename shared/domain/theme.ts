import { z } from 'zod';

/** How the app looks: as the operating system does, or always light, or always dark. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' };

export const themeChoiceSchema = z.enum(THEME_CHOICES, { error: 'Appearance must be system, light or dark.' });

/** The theme to paint with, given the choice and whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/** The window's background before the page paints, so opening it never flashes the other theme. */
export const THEME_BACKGROUNDS: Record<Theme, string> = { light: '#f7f7f5', dark: '#161a19' };
