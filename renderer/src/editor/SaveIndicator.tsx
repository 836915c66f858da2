import type { AutosaveStatus } from './autosave-controller';

/** Tells the user, quietly, whether what they see is safely stored. */
export function SaveIndicator({ status }: { status: AutosaveStatus }) {
  return (
    <p className={`save-indicator save-${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'saved' && 'Saved'}
      {status.kind === 'saving' && 'Saving…'}
      {status.kind === 'error' && (
        <>
          <span className="save-error-title">Not saved — retrying</span> <span className="save-error-message">{status.message}</span>
        </>
      )}
    </p>
  );
}
