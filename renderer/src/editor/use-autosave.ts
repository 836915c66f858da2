import { useEffect, useState } from 'react';
import { AutosaveController, type AutosaveStatus } from './autosave-controller';
import { registerFlush } from './flush-registry';

/**
 * An AutosaveController for one component's lifetime. It is registered for
 * the app-wide flushes, and on unmount it saves what is left and stays
 * registered until that is durable, retrying if it must. `save` is read
 * once: the component saves to one place for its whole life.
 */
export function useAutosave<T>(key: string, save: (content: T) => Promise<void>): { status: AutosaveStatus; controller: AutosaveController<T> } {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'saved' });
  const [controller] = useState(() => new AutosaveController<T>({ save, onStatus: setStatus }));

  useEffect(() => {
    const unregister = registerFlush(key, () => controller.flush());
    return () => {
      void controller.flush().then(unregister);
    };
  }, [key, controller]);

  return { status, controller };
}
