/** A long job's progress bar with its Cancel button (which a job's last, all-or-nothing step may not offer). */
export function JobProgress({ label, percent, canceling, cancelable = true, onCancel }: { label: string; percent: number; canceling: boolean; cancelable?: boolean; onCancel(): void }) {
  return (
    <div className="data-progress">
      <div className="data-progress-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={canceling ? 'Canceling' : `${percent}%`}>
        <div className="data-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="data-progress-label" aria-hidden="true">
        {canceling ? 'Canceling…' : `${percent}%`}
      </span>
      <button type="button" className="button" disabled={canceling || !cancelable} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
