import { useState } from 'react';
import { call } from '#renderer/api';
import { messageOf } from '#renderer/ui/message-of';
import { Section } from '#renderer/ui/Section';
import { useToast } from '#renderer/ui/toast';
import { useAsyncData } from '#renderer/ui/useAsyncData';

const loadTips = () => call('tips.get', undefined);

/** Brings back the tips put away with "Got it". Acts at once: it is not part of the settings form. */
export function TipsSection() {
  const tips = useAsyncData(loadTips);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const toast = useToast();
  const count = tips.data?.dismissed.length ?? 0;

  async function showAgain() {
    setBusy(true);
    setProblem(undefined);
    try {
      await call('tips.reset', undefined);
      toast.show('Tips will show again where they apply.');
      tips.reload();
    } catch (caught) {
      setProblem(`The tips could not be brought back: ${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Tips">
      <p className="field-hint">
        {tips.data === undefined
          ? tips.error
            ? `Could not check the tips: ${tips.error}`
            : 'Checking the tips…'
          : count === 0
            ? 'Every tip shows where it applies.'
            : `${count === 1 ? '1 tip is' : `${count} tips are`} put away.`}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || count === 0} onClick={() => void showAgain()}>
          Show tips again
        </button>
      </div>
    </Section>
  );
}
