import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call } from '#renderer/api';
import { navigate } from '#renderer/router';
import { messageOf } from '#renderer/ui/message-of';
import { useToast } from '#renderer/ui/toast';

interface SampleDataApi {
  /** Sample rows in the vault; the banner shows while there are any. */
  rows: number;
  busy: boolean;
  /** Changes whenever the sample comes or goes, so the screen on show loads again. */
  epoch: number;
  load(): Promise<void>;
  remove(): Promise<void>;
}

const SampleDataContext = createContext<SampleDataApi>({ rows: 0, busy: false, epoch: 0, load: async () => undefined, remove: async () => undefined });

export const useSampleData = () => useContext(SampleDataContext);

function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether the vault holds the sample, and the two ways to change that. */
export function SampleDataProvider({ children }: { children: ReactNode }) {
  const toast = useToast();
  const [rows, setRows] = useState(0);
  const [busy, setBusy] = useState(false);
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    let live = true;
    call('sample.get')
      .then((state) => live && setRows(state.rows))
      // Without the count the banner stays hidden; everything else works as usual.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const result = await call('sample.load', { timeZone: localTimeZone() });
      setRows(result.rows);
      setEpoch((value) => value + 1);
      navigate({ name: 'today' });
      toast.show('Sample data added. Look around; remove it whenever you like.');
    } catch (caught) {
      toast.show(`The sample could not be added: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }, [toast]);

  const remove = useCallback(async () => {
    setBusy(true);
    try {
      const result = await call('sample.remove');
      setRows(0);
      setEpoch((value) => value + 1);
      toast.show(
        result.kept > 0
          ? `Sample data removed. ${result.kept === 1 ? 'One sample item' : `${result.kept} sample items`} you changed or built on stayed, as yours.`
          : 'Sample data removed.',
      );
    } catch (caught) {
      toast.show(`The sample could not be removed: ${messageOf(caught)}`, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }, [toast]);

  const api = useMemo(() => ({ rows, busy, epoch, load, remove }), [rows, busy, epoch, load, remove]);
  return <SampleDataContext.Provider value={api}>{children}</SampleDataContext.Provider>;
}
