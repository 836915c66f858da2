import type { DueItem } from './playbook';

/** Where Today lives: a summary notification opens it. */
export const TODAY_PATH = '/today';

const FOLDERS: Record<DueItem['target']['kind'], string> = {
  opening: 'openings',
  interview: 'interviews',
  contact: 'contacts',
  letter: 'letters',
  reference: 'references',
};

/**
 * The screen a reminder opens, as the path after the URL's '#': the shell
 * sends it with the navigate event, the renderer's router reads it.
 */
export function reminderRoute(target: DueItem['target']): string {
  return `/${FOLDERS[target.kind]}/${encodeURIComponent(target.id)}`;
}
