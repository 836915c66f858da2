import { useId, useRef, useState } from 'react';
import { CONTACT_CHANNEL_LABELS } from '#shared/domain/fields';
import type { ReminderView } from '#shared/domain/reminder';
import type { SnoozeChoice } from '#shared/domain/snooze';
import { formatDateTime } from '#renderer/ui/format';
import { reminderActionHref } from './action-href';
import { KindIcon } from './KindIcon';
import { ACTION_LABELS, KIND_FAMILY, KIND_LABELS } from './labels';
import { SnoozeMenu } from './SnoozeMenu';
import { SnoozeUntilForm } from './SnoozeUntilForm';
import { describeWhen } from './when';

interface ReminderItemProps {
  item: ReminderView;
  now: number;
  busy: boolean;
  onSnooze(item: ReminderView, snooze: { choice: SnoozeChoice } | { until: Date }): void;
  onDone(item: ReminderView): void;
  onDismiss(item: ReminderView): void;
  /** Offered on the move-on suggestion. */
  onMarkDormant?(item: ReminderView): void;
}

/** One thing to do: what, about what, by when, and the buttons to act on it. */
export function ReminderItem({ item, now, busy, onSnooze, onDone, onDismiss, onMarkDormant }: ReminderItemProps) {
  const titleId = useId();
  const [picking, setPicking] = useState(false);
  const rootRef = useRef<HTMLLIElement>(null);
  const when = describeWhen(item, now);
  const action = ACTION_LABELS[item.kind];

  function stopPicking() {
    setPicking(false);
    rootRef.current?.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')?.focus();
  }

  return (
    <li ref={rootRef} className={`reminder reminder-${when.urgency}`} aria-labelledby={titleId} data-key={item.key}>
      <div className="reminder-main">
        <p className={`reminder-kind kind-${KIND_FAMILY[item.kind]}`}>
          <KindIcon kind={item.kind} />
          {KIND_LABELS[item.kind]}
        </p>
        <h3 id={titleId} className="reminder-title">
          {item.title}
        </h3>
        {item.detail && <p className="reminder-detail">{item.detail}</p>}
        <p className="reminder-meta">
          <time className="reminder-when" dateTime={when.at} title={formatDateTime(when.at)}>
            {when.text}
          </time>
          {item.channel && <span className="reminder-channel">Suggested channel: {CONTACT_CHANNEL_LABELS[item.channel]}</span>}
        </p>
      </div>
      <div className="reminder-actions">
        <a className="button primary small reminder-primary" href={reminderActionHref(item)} aria-label={`${action}: ${item.title}`}>
          {action}
        </a>
        {item.kind === 'move_on' && item.target.kind === 'opening' && onMarkDormant && (
          <button type="button" className="button small" aria-label={`Mark dormant: ${item.title}`} disabled={busy} onClick={() => onMarkDormant(item)}>
            Mark dormant
          </button>
        )}
        <SnoozeMenu label={`Snooze: ${item.title}`} disabled={busy} onPick={(pick) => ('choice' in pick ? onSnooze(item, pick) : setPicking(true))} />
        <button type="button" className="button small" aria-label={`Done: ${item.title}`} disabled={busy} onClick={() => onDone(item)}>
          Done
        </button>
        <button type="button" className="button small quiet" aria-label={`Dismiss: ${item.title}`} disabled={busy} onClick={() => onDismiss(item)}>
          Dismiss
        </button>
      </div>
      {picking && (
        <SnoozeUntilForm
          title={item.title}
          busy={busy}
          onCancel={stopPicking}
          onSnooze={(until) => {
            setPicking(false);
            onSnooze(item, { until });
          }}
        />
      )}
    </li>
  );
}
