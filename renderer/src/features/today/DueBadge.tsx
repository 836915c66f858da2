import { useDueCount } from './useAgenda';

/** The sidebar's count of what needs doing now; a component of its own so only it re-renders as the agenda refreshes. */
export function DueBadge() {
  const due = useDueCount();
  if (!due?.count) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{due.atLeast ? `${due.count}+` : due.count}</span>
      <span className="sr-only"> ({due.atLeast ? `more than ${due.count}` : due.count} due)</span>
    </span>
  );
}
