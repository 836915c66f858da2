import type { Settings } from '#shared/domain/settings';
import type { Db } from '../vault/connection';
import { createSettingsRepository } from './repository';

/** Told after every save, with what the settings were before. */
export type SettingsListener = (next: Settings, previous: Settings) => void;

/**
 * The user's settings for the whole core: one per vault, shared by every
 * module that reads them (the repository caches, so two would disagree).
 * Whoever must act on a change subscribes: the reminders re-plan with the new
 * timings, the desktop shell applies launch at login and the theme.
 */
export function createSettingsService(db: Db) {
  const repository = createSettingsRepository(db);
  const listeners: SettingsListener[] = [];
  function tell(next: Settings, previous: Settings): void {
    const failures: unknown[] = [];
    for (const listener of [...listeners]) {
      try {
        listener(next, previous);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }
  return {
    get: (): Settings => repository.get(),
    /**
     * Saves the settings whole, then tells each listener in the order they
     * subscribed. One listener failing does not keep the others from hearing;
     * its error is passed on once all have.
     */
    save(next: Settings): Settings {
      const previous = repository.get();
      const saved = repository.save(next);
      tell(saved, previous);
      return saved;
    },
    /** Reads them again from the vault, after a restore put other ones there; the listeners hear when they differ. */
    reload(): Settings {
      const previous = repository.get();
      repository.forget();
      const next = repository.get();
      if (JSON.stringify(next) !== JSON.stringify(previous)) tell(next, previous);
      return next;
    },
    /** Subscribes to saves; returns the way to stop listening. */
    onSaved(listener: SettingsListener): () => void {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;

/** What a module that only reads the settings needs: saving goes through the service, so its listeners hear. */
export type SettingsReader = Pick<SettingsService, 'get'>;
