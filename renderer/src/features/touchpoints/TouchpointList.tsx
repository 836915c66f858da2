import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import { touchpointLabel, type TouchpointView } from '#shared/domain/touchpoint';
import { call } from '#renderer/api';
import { formatDateTime } from '#renderer/ui/format';
import { useToast } from '#renderer/ui/toast';
import { messageOf } from '#renderer/ui/message-of';

interface TouchpointListProps {
  touchpoints: TouchpointView[];
  /** Shows which opening each one was about (the contact page). */
  showOpening?: boolean;
  /** Load again after a deletion or its undo. */
  onChanged(): void;
}

export function touchpointTitle(touchpoint: TouchpointView): string {
  const who = touchpoint.contactName ? (touchpoint.direction === 'outbound' ? ` to ${touchpoint.contactName}` : ` from ${touchpoint.contactName}`) : '';
  return `${touchpointLabel(touchpoint)}${who}`;
}

export function touchpointMeta(touchpoint: TouchpointView): string {
  return `${touchpoint.direction === 'outbound' ? 'You reached out' : 'They reached out'} · ${CONTACT_CHANNEL_LABELS[touchpoint.channel]}`;
}

/** A delete button whose toast offers the undo. */
export function DeleteTouchpointButton({ touchpoint, onChanged }: { touchpoint: TouchpointView; onChanged(): void }) {
  const toast = useToast();
  async function remove() {
    try {
      await call('touchpoints.delete', { id: touchpoint.id });
    } catch (caught) {
      toast.show(`The touchpoint could not be deleted: ${messageOf(caught)}`, { tone: 'error' });
      return;
    }
    onChanged();
    toast.show('Touchpoint deleted.', {
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await call('touchpoints.restore', { id: touchpoint.id });
            onChanged();
          } catch (caught) {
            toast.show(`It could not be restored: ${messageOf(caught)}`, { tone: 'error' });
          }
        },
      },
    });
  }
  return (
    <button type="button" className="link-button" aria-label={`Delete ${touchpointTitle(touchpoint)}`} onClick={() => void remove()}>
      Delete
    </button>
  );
}

/** Touchpoints newest first. */
export function TouchpointList({ touchpoints, showOpening, onChanged }: TouchpointListProps) {
  if (touchpoints.length === 0) return <p className="field-hint">No touchpoints yet. Log each message, call or meeting, whichever way it went.</p>;
  return (
    <ul className="touchpoints" aria-label="Touchpoints">
      {touchpoints.map((touchpoint) => (
        <li key={touchpoint.id} className={`touchpoint ${touchpoint.direction}`}>
          <div>
            <p className="timeline-title">{touchpointTitle(touchpoint)}</p>
            <p className="timeline-meta">
              <time dateTime={touchpoint.occurredAt}>{formatDateTime(touchpoint.occurredAt)}</time> · {touchpointMeta(touchpoint)}
              {showOpening && touchpoint.openingName && <> · {touchpoint.openingName}</>}
            </p>
            {touchpoint.summary && <p className="touchpoint-summary">{touchpoint.summary}</p>}
          </div>
          <DeleteTouchpointButton touchpoint={touchpoint} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}
