import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '#renderer/App';
import { setTransport } from '#renderer/api';
import { SettingsPage } from '#renderer/features/settings/SettingsPage';
import { applyThemeChoice, THEME_STORAGE_KEY } from '#renderer/theme';
import { DEFAULT_SETTINGS, type Settings } from '#shared/domain/settings';
import { fakeTransport } from '../fake-transport';
import { ok, renderWithToasts } from '../fixtures';

/** The operating system's light/dark preference, switchable mid-test. */
function systemPreference(initiallyDark: boolean) {
  let dark = initiallyDark;
  const listeners = new Set<() => void>();
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    get matches() {
      return query.includes('dark') ? dark : false;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    switchTo(next: 'dark' | 'light') {
      dark = next === 'dark';
      for (const listener of listeners) listener();
    },
  };
}

const html = () => document.documentElement;

beforeEach(() => {
  localStorage.clear();
  applyThemeChoice('system');
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('appearance', () => {
  it('follows the system by default, switching when the system does', () => {
    const system = systemPreference(false);
    applyThemeChoice('system');
    expect(html()).toHaveAttribute('data-theme', 'light');
    system.switchTo('dark');
    expect(html()).toHaveAttribute('data-theme', 'dark');
  });

  it('an override in Settings applies at once, is saved with the other settings untouched, and stops following the system', async () => {
    const system = systemPreference(false);
    const stored: Settings = { ...DEFAULT_SETTINGS, profile: { name: 'Alex', address: '' } };
    const fake = fakeTransport({ 'settings.get': () => ok(stored), 'settings.save': (input) => ok(input) });
    setTransport(fake.transport);
    renderWithToasts(<SettingsPage />);
    const user = userEvent.setup();

    const dark = await screen.findByRole('radio', { name: /^Dark/ });
    expect(screen.getByRole('radio', { name: /^Match the system/ })).toBeChecked();
    await user.click(dark);
    expect(html()).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    await waitFor(() => expect(fake.invoke).toHaveBeenCalledWith('settings.save', { ...stored, theme: 'dark' }));
    // The form has nothing unsaved: the appearance saved on its own.
    expect(screen.getByText('All changes saved')).toBeInTheDocument();

    // The system going light does not undo the override.
    system.switchTo('light');
    expect(html()).toHaveAttribute('data-theme', 'dark');

    await user.click(screen.getByRole('radio', { name: /^Light/ }));
    expect(html()).toHaveAttribute('data-theme', 'light');
    await waitFor(() => expect(fake.invoke).toHaveBeenCalledWith('settings.save', { ...stored, theme: 'light' }));
  });

  it('paints the theme saved in the vault when the app starts', async () => {
    systemPreference(false);
    setTransport(fakeTransport({ 'settings.get': () => ok({ ...DEFAULT_SETTINGS, theme: 'dark' }), 'trash.list': () => ok([]) }).transport);
    window.location.hash = '#/trash';
    render(<App />);
    await waitFor(() => expect(html()).toHaveAttribute('data-theme', 'dark'));
    expect(html()).toHaveAttribute('data-theme-choice', 'dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
