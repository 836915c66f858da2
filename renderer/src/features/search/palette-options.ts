import type { SearchKind, SearchResult } from '#shared/domain/search';
import type { PaletteAction, PaletteActionId } from './actions';
import type { PaletteCommand } from './commands';

/** Where an option goes (href) or what it does (action). */
export type PaletteTarget = { href: string } | { action: PaletteActionId };

export type PaletteOption = PaletteTarget & {
  key: string;
  /** With search markers; commands have none. */
  title: string;
  snippet: string;
  /** What a result belongs to ("Staff Engineer · Acme"), unmarked; commands have none. */
  context?: string;
  /** A command's keyboard shortcut ("Mod-1"), shown beside it. */
  keys?: string;
};

export interface PaletteGroup {
  label: string;
  options: PaletteOption[];
  /** The position of its first option among all options, for keyboard moves across groups. */
  start: number;
}

const GROUP_LABELS: Record<SearchKind, string> = {
  opening: 'Openings',
  contact: 'People',
  company: 'Companies',
  note: 'Notes',
  letter: 'Letters',
  research: 'Company research',
  interview: 'Interviews',
  touchpoint: 'Touchpoints',
  reference: 'References',
};

/** Results grouped by kind, the group of the best result first, then the matching commands, then the actions. */
export function paletteGroups(results: SearchResult[], commands: PaletteCommand[], actions: PaletteAction[] = []): PaletteGroup[] {
  const byKind = new Map<SearchKind, PaletteOption[]>();
  for (const result of results) {
    const options = byKind.get(result.kind) ?? [];
    options.push({ key: `${result.kind}:${result.id}`, href: `#${result.route}`, title: result.title, snippet: result.snippet, context: result.context });
    byKind.set(result.kind, options);
  }
  const lists = [...byKind].map(([kind, options]) => ({ label: GROUP_LABELS[kind], options }));
  if (commands.length > 0) {
    lists.push({ label: 'Go to', options: commands.map((command) => ({ key: `go:${command.href}`, href: command.href, title: command.label, snippet: '', keys: command.keys })) });
  }
  if (actions.length > 0) {
    lists.push({ label: 'Actions', options: actions.map((action) => ({ key: `do:${action.id}`, action: action.id, title: action.label, snippet: '', keys: action.keys })) });
  }
  const groups: PaletteGroup[] = [];
  let start = 0;
  for (const list of lists) {
    groups.push({ ...list, start });
    start += list.options.length;
  }
  return groups;
}
