import type { ReactNode } from 'react';

/** A message the user must notice; errors are announced immediately. With `onRetry`, a "Try again" button follows the text. */
export function Alert({ tone, children, onRetry }: { tone: 'error' | 'success'; children: ReactNode; onRetry?: () => void }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="button small" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}
