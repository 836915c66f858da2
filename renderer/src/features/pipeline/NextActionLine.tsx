import type { NextAction } from '#shared/domain/pipeline';
import { formatDateTime } from '#renderer/ui/format';
import { reminderActionHref } from '../today/action-href';
import { describeWhen, formatAt, type When } from '../today/when';

function whenOf(action: NextAction, now: number): When {
  if (action.snoozedUntil) return { text: `Snoozed until ${formatAt(action.snoozedUntil, now, true)}`, urgency: 'later', at: action.snoozedUntil };
  return describeWhen(action, now);
}

/**
 * An opening's next action and when it is due, in the words Today uses, linked
 * to where it is done: "Thank Ivan Petrov for the interview", "Overdue by 3 h".
 * Overdue shows in the warning colour and, for screen readers, in words.
 */
export function NextActionLine({ action, now }: { action: NextAction; now: number }) {
  const when = whenOf(action, now);
  const saysOverdue = when.text.startsWith('Overdue');
  return (
    <span className={`next-action next-action-${when.urgency}`} data-urgency={when.urgency}>
      <a className="next-action-title" href={reminderActionHref(action)} title={action.title}>
        <span className="sr-only">Next: </span>
        {action.title}
      </a>
      <time className="next-action-when" dateTime={when.at} title={formatDateTime(when.at)}>
        {when.urgency === 'overdue' && !saysOverdue && <span className="sr-only">Overdue: </span>}
        {when.text}
      </time>
    </span>
  );
}
