import { useEffect, useState } from 'react';
import type { RewriteProgress as Progress } from '#shared/domain/encryption';
import { onEvent } from '#renderer/api';

function describe({ step, done, total }: Progress): string {
  switch (step) {
    case 'backup':
      return 'Making a backup of your vault first…';
    case 'database':
      return 'Writing your vault again under its new protection…';
    case 'photos':
      return `Writing your card photos again (${done.toLocaleString()} of ${total.toLocaleString()})…`;
    case 'backups':
      return `Writing your backups again (${done.toLocaleString()} of ${total.toLocaleString()})…`;
    case 'finishing':
      return 'Putting the new files in place…';
  }
}

const ORDER: Progress['step'][] = ['backup', 'database', 'photos', 'backups', 'finishing'];

/**
 * How far a change of protection is, while it runs (mounted while one may): each step said in words,
 * and a bar over the steps. The rest of the app waits meanwhile (a save is
 * kept for the new vault), so this says so.
 */
export function RewriteProgress({ initial }: { initial: Progress | null }) {
  const [progress, setProgress] = useState<Progress | null>(initial);
  useEffect(() => onEvent('vault.rewriteProgress', setProgress), []);
  // Until the first word from the core (the current passphrase is checked first), nothing to show.
  if (!progress) return null;
  const at = progress;
  // Each step a fifth of the bar; within photos and backups, as far as they are.
  const value = ORDER.indexOf(at.step) + (at.total > 0 ? at.done / at.total : 0);
  return (
    <div className="rewrite-progress" role="status">
      <p>{describe(at)}</p>
      <progress max={ORDER.length} value={value} aria-label="Rewriting the vault" />
      <p className="field-hint">Keep Afterview open until it is done. The rest of the app is back as soon as it is; anything you save meanwhile is kept for then.</p>
    </div>
  );
}
