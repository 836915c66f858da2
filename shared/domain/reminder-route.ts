import type { DueItem } from './playbook';

/** Where Today lives: a summary notification opens it. */
export const TODAY_PATH = '/today';

/**
 * The screen a reminder is acted on, as the path after the URL's '#': the
 * shell sends it with the navigate event, Today links to it. A reference's
 * reminder opens its brief for the opening when there is one.
 */
export function reminderRoute(item: Pick<DueItem, 'target' | 'openingId'>): string {
  const { kind, id } = item.target;
  switch (kind) {
    case 'letter':
      return `/letters/${id}`;
    case 'interview':
      return `/interviews/${id}`;
    case 'opening':
      return `/openings/${id}`;
    case 'contact':
      return `/contacts/${id}`;
    case 'reference':
      return item.openingId ? `/references/${id}/briefs/${item.openingId}` : `/references/${id}`;
  }
}

export function reminderHref(item: Pick<DueItem, 'target' | 'openingId'>): string {
  return `#${reminderRoute(item)}`;
}
