import { useRef, useState } from 'react';
import { ConfirmDialog } from '#renderer/ui/ConfirmDialog';
import { useSampleData } from './SampleData';
import './sample.css';

/** Shown while sample rows are in the vault, with the way to take them out. */
export function SampleBanner() {
  const { rows, busy, remove } = useSampleData();
  const [confirming, setConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (rows === 0) return null;
  return (
    <aside className="sample-banner" aria-label="Sample data">
      <p>
        <strong>Sample data.</strong> You are exploring a made-up job search. Add your own openings beside it at any time.
      </p>
      <button ref={buttonRef} type="button" className="button small" disabled={busy} onClick={() => setConfirming(true)}>
        {busy ? 'Removing…' : 'Remove sample data'}
      </button>
      <ConfirmDialog
        open={confirming}
        title="Remove the sample data?"
        confirmLabel="Remove sample data"
        danger
        onConfirm={() => {
          setConfirming(false);
          void remove();
        }}
        onCancel={() => {
          setConfirming(false);
          buttonRef.current?.focus();
        }}
      >
        The sample companies, openings, interviews, people, notes, letters and references go for good. Everything you added or changed yourself stays, including anything
        you attached to a sample item: that item stays too, as yours.
      </ConfirmDialog>
    </aside>
  );
}
