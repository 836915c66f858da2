import type { Stage } from '#shared/domain/opening';
import { stepsOfStage } from '#shared/domain/outcome';
import { REFERENCE_PERMISSION_LABELS, type Reference, type ReferenceWithUses } from '#shared/domain/reference';
import { formatDate } from '#renderer/ui/format';

/** "Said yes on 3 Mar 2026", "Asked on …", "Not asked yet". */
export function permissionText(reference: Pick<Reference, 'permission' | 'askedAt' | 'answeredAt'>): string {
  const label = REFERENCE_PERMISSION_LABELS[reference.permission];
  if ((reference.permission === 'granted' || reference.permission === 'declined') && reference.answeredAt) return `${label} · ${formatDate(reference.answeredAt)}`;
  if (reference.permission === 'asked' && reference.askedAt) return `${label} · since ${formatDate(reference.askedAt)}`;
  return label;
}

export function PermissionBadge({ reference }: { reference: Pick<Reference, 'permission' | 'askedAt' | 'answeredAt'> }) {
  return <span className={`permission-badge permission-${reference.permission}`}>{permissionText(reference)}</span>;
}

/** Interviewing (or holding an offer) is when a reference may be called. */
export function needsReferences(stage: Stage): boolean {
  return stage === 'interviewing' || stage === 'offer';
}

/** The process ended in a way that calls for thanking the references (OUTCOME_STEPS), as the playbook's reminder does. */
export function thanksDue(stage: Stage): boolean {
  return stepsOfStage(stage).thankReferences;
}

/** The warning for an opening with fewer references who said yes than the saved minimum, or null. */
export function referencesWarning(stage: Stage, attached: ReferenceWithUses[], minimum: number): string | null {
  if (!needsReferences(stage)) return null;
  const granted = attached.filter((reference) => reference.permission === 'granted').length;
  if (granted >= minimum) return null;
  const missing = minimum - granted;
  return `${granted} of ${minimum} references have said yes. Ask ${missing === 1 ? 'one more person' : `${missing} more people`} before the employer asks for names — and never give a name without their permission.`;
}
