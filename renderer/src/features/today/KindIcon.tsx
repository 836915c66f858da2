import type { ReminderKind } from '#shared/domain/playbook';
import { KIND_FAMILY } from './labels';

const PATHS: Record<(typeof KIND_FAMILY)[ReminderKind], string> = {
  // A pen: something to write.
  write: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  // A speech bubble: someone to get in touch with.
  people: 'M4 5h16v11H9l-5 4V5z',
  // A signpost: a decision to make.
  decide: 'M12 3v18M5 6h11l3 3-3 3H5z',
  // Two people: references.
  references: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.5a3 3 0 0 1 0 5.5M18 14.5c1.8.8 3 2.9 3 5.5',
};

/** A small picture of what kind of task it is; the label beside it says it in words. */
export function KindIcon({ kind }: { kind: ReminderKind }) {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[KIND_FAMILY[kind]]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
