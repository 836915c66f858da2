import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PlaybookSettings } from '#shared/domain/playbook';
import type { Settings } from '#shared/domain/settings';
import { call } from './api';
import { Alert } from './ui/Alert';
import { messageOf } from './ui/message-of';

interface SavedSettings {
  /** The settings as stored in the vault: loaded once, then as last saved. */
  settings: Settings;
  /** After a save: every screen shows the new values from now on. */
  replace(next: Settings): void;
}

const SavedSettingsContext = createContext<SavedSettings | null>(null);

/** Read before the first paint (main.tsx), so no screen ever shows a default first; undefined if that read failed. */
export function readSavedSettings(): Promise<Settings | undefined> {
  return call('settings.get').catch(() => undefined);
}

/**
 * The one place screens read the user's settings from, so none of them shows
 * a default where a saved value exists. Without `initial` (its first read
 * failed) it reads them itself, and says so if it cannot.
 */
export function SavedSettingsProvider({ children, initial }: { children: ReactNode; initial?: Settings }) {
  const [settings, setSettings] = useState<Settings | undefined>(initial);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const missing = settings === undefined;

  useEffect(() => {
    if (!missing) return;
    let live = true;
    call('settings.get').then(
      (loaded) => live && setSettings((current) => current ?? loaded),
      (caught: unknown) => live && setError(messageOf(caught)),
    );
    return () => {
      live = false;
    };
  }, [missing, attempt]);

  const replace = useCallback((next: Settings) => setSettings(next), []);
  const value = useMemo(() => (settings ? { settings, replace } : null), [settings, replace]);

  if (!value) {
    if (!error) {
      return (
        <p className="muted" role="status">
          Opening…
        </p>
      );
    }
    return (
      <section className="page">
        <Alert tone="error">Your settings could not be loaded: {error}</Alert>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setError(undefined);
              setAttempt((count) => count + 1);
            }}
          >
            Try again
          </button>
        </p>
      </section>
    );
  }
  return <SavedSettingsContext.Provider value={value}>{children}</SavedSettingsContext.Provider>;
}

export function useSavedSettings(): SavedSettings {
  const saved = useContext(SavedSettingsContext);
  if (!saved) throw new Error('useSavedSettings must be used inside <SavedSettingsProvider>');
  return saved;
}

/** The playbook's timings and limits as the user saved them. */
export function usePlaybook(): PlaybookSettings {
  return useSavedSettings().settings.playbook;
}
