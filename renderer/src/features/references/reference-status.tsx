import { CLOSED_STAGES, type Stage } from '../../../../shared/domain/opening';
import { REFERENCE_PERMISSION_LABELS, REFERENCES_NEEDED, type Reference, type ReferenceWithUses } from '../../../../shared/domain/reference';
import { formatDate } from '../../ui/format';

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

export function isClosed(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** The warning for an opening with too few references who said yes, or null. */
export function referencesWarning(stage: Stage, attached: ReferenceWithUses[]): string | null {
  if (!needsReferences(stage)) return null;
  const granted = attached.filter((reference) => reference.permission === 'granted').length;
  if (granted >= REFERENCES_NEEDED) return null;
  return `${granted} of ${REFERENCES_NEEDED} references have said yes. Ask ${granted === REFERENCES_NEEDED - 1 ? 'one more person' : 'two people'} before the employer asks for names — and never give a name without their permission.`;
}
