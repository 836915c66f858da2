import type { DueItem } from '#shared/domain/playbook';
import { reminderHref } from '#shared/domain/reminder-route';

/**
 * Where acting on a reminder leads, wherever it is shown (Today, a pipeline
 * card): a follow-up opens its log dialog, a move-on offers to let the
 * opening rest, the rest open the screen where the thing is done.
 */
export function reminderActionHref(item: Pick<DueItem, 'kind' | 'target' | 'openingId'>): string {
  const href = reminderHref(item);
  if (item.target.kind !== 'opening') return href;
  if (item.kind === 'follow_up') return `${href}?log=follow_up`;
  if (item.kind === 'move_on') return `${href}?suggest=move_on`;
  return href;
}
