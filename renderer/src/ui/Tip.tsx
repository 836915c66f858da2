import { useCallback, useId, useState } from 'react';
import type { TipId } from '#shared/domain/tips';
import { call } from '../api';
import { TIPS } from '../features/guide/tips';
import { hrefFor } from '../router';
import { useAsyncData } from './useAsyncData';
import './tip.css';
import { messageOf } from './message-of';

const loadTips = () => call('tips.get', undefined);

/**
 * A short piece of advice where it matters, until the user dismisses it; the
 * dismissal is kept in the vault ("Show tips again" in Settings brings it back).
 * It stays hidden until the dismissals are known, so a dismissed tip never flashes.
 */
export function Tip({ id }: { id: TipId }) {
  const tips = useAsyncData(loadTips);
  const [dismissed, setDismissed] = useState(false);
  const [problem, setProblem] = useState<string>();
  const titleId = useId();

  const dismiss = useCallback(async () => {
    setProblem(undefined);
    try {
      await call('tips.dismiss', { id });
      setDismissed(true);
    } catch (caught) {
      setProblem(`The tip could not be put away: ${messageOf(caught)}`);
    }
  }, [id]);

  if (dismissed || !tips.data || tips.data.dismissed.includes(id)) return null;
  const tip = TIPS[id];
  return (
    <aside className="tip" aria-labelledby={titleId} data-tip={id}>
      <div className="tip-text">
        <p className="tip-title" id={titleId}>
          <svg className="tip-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <rect x="7.25" y="6.75" width="1.5" height="5" rx="0.75" fill="currentColor" />
            <circle cx="8" cy="4.5" r="1" fill="currentColor" />
          </svg>
          {tip.title}
        </p>
        <p>{tip.body}</p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="tip-actions">
        <button type="button" className="button small" aria-describedby={titleId} onClick={() => void dismiss()}>
          Got it
        </button>
        <a href={hrefFor({ name: 'guide' })} className="tip-more">
          How Afterview works
        </a>
      </div>
    </aside>
  );
}
