import { useDueCount } from './useAgenda';

/** The sidebar's count of what needs doing now; a component of its own so only it re-renders as the agenda refreshes. */
export function DueBadge() {
  const count = useDueCount();
  if (!count) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{count}</span>
      <span className="sr-only"> ({count} due)</span>
    </span>
  );
}
