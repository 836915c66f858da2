import type { DueItem } from './playbook';

/**
 * Where a reminder is acted on, as the app's hash address. References have no
 * page of their own yet, so they open their opening.
 */
export function reminderHref(item: Pick<DueItem, 'target' | 'openingId'>): string {
  const { kind, id } = item.target;
  switch (kind) {
    case 'letter':
      return `#/letters/${id}`;
    case 'interview':
      return `#/interviews/${id}`;
    case 'opening':
      return `#/openings/${id}`;
    case 'contact':
      return `#/contacts/${id}`;
    case 'reference':
      return item.openingId ? `#/openings/${item.openingId}` : '#/today';
  }
}
