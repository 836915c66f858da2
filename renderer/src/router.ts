import { useEffect, useState } from 'react';

/** Every screen of the app, addressed by the URL hash so a reload keeps the place. */
export type Route =
  | { name: 'today' }
  /** `add` comes from the first steps on Today: open the form for a new opening. */
  | { name: 'pipeline'; add?: boolean }
  /** `intent` comes from Today: open the follow-up log, or offer to let a silent opening rest. */
  | { name: 'opening'; id: string; intent?: OpeningIntent }
  | { name: 'interview'; id: string }
  | { name: 'contacts' }
  | { name: 'contact'; id: string }
  | { name: 'companies' }
  | { name: 'company'; id: string }
  | { name: 'letter'; id: string }
  | { name: 'references' }
  | { name: 'reference'; id: string }
  | { name: 'brief'; referenceId: string; openingId: string }
  | { name: 'templates' }
  | { name: 'trash' }
  | { name: 'backups' }
  | { name: 'data' }
  | { name: 'settings' }
  | { name: 'insights' }
  | { name: 'guide' };

export type OpeningIntent = 'log_follow_up' | 'move_on';
const OPENING_INTENTS: Record<string, OpeningIntent> = { 'log=follow_up': 'log_follow_up', 'suggest=move_on': 'move_on' };

const WITH_ID = { openings: 'opening', interviews: 'interview', contacts: 'contact', companies: 'company', letters: 'letter', references: 'reference' } as const;
const LISTS = { today: 'today', pipeline: 'pipeline', contacts: 'contacts', companies: 'companies', references: 'references', templates: 'templates', trash: 'trash', backups: 'backups', data: 'data', settings: 'settings', insights: 'insights', guide: 'guide' } as const;
const ID = /^[0-9a-f-]{36}$/i;

export function parseRoute(hash: string): Route {
  const [path = '', query] = hash.replace(/^#\/?/, '').split('?', 2);
  const [first = '', second, ...rest] = path.split('/');
  // A reference's brief for one opening: #/references/<referenceId>/briefs/<openingId>
  if (first === 'references' && rest.length === 2 && rest[0] === 'briefs' && second && ID.test(second) && ID.test(rest[1]!)) {
    return { name: 'brief', referenceId: second, openingId: rest[1]! };
  }
  if (second !== undefined && rest.length === 0 && first in WITH_ID && ID.test(second)) {
    const intent = first === 'openings' && query !== undefined && Object.hasOwn(OPENING_INTENTS, query) ? OPENING_INTENTS[query] : undefined;
    if (intent) return { name: 'opening', id: second, intent };
    return { name: WITH_ID[first as keyof typeof WITH_ID], id: second } as Route;
  }
  if (first === 'pipeline' && second === undefined && query === 'add') return { name: 'pipeline', add: true };
  if (second === undefined && first in LISTS) return { name: LISTS[first as keyof typeof LISTS] };
  // Home, and where an unknown address lands: what is due.
  return { name: 'today' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'opening': {
      const query = Object.entries(OPENING_INTENTS).find(([, intent]) => intent === route.intent)?.[0];
      return `#/openings/${route.id}${query ? `?${query}` : ''}`;
    }
    case 'interview':
      return `#/interviews/${route.id}`;
    case 'contact':
      return `#/contacts/${route.id}`;
    case 'company':
      return `#/companies/${route.id}`;
    case 'letter':
      return `#/letters/${route.id}`;
    case 'reference':
      return `#/references/${route.id}`;
    case 'brief':
      return `#/references/${route.referenceId}/briefs/${route.openingId}`;
    case 'pipeline':
      return route.add ? '#/pipeline?add' : '#/pipeline';
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export interface NavItem {
  label: string;
  route: Route;
  section: Route['name'][];
}

/** The sidebar: each entry and the screens under it. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Today', route: { name: 'today' }, section: ['today'] },
  { label: 'Pipeline', route: { name: 'pipeline' }, section: ['pipeline', 'opening', 'interview', 'letter'] },
  { label: 'Contacts', route: { name: 'contacts' }, section: ['contacts', 'contact'] },
  { label: 'Companies', route: { name: 'companies' }, section: ['companies', 'company'] },
  { label: 'References', route: { name: 'references' }, section: ['references', 'reference', 'brief'] },
  { label: 'Insights', route: { name: 'insights' }, section: ['insights'] },
  { label: 'Templates', route: { name: 'templates' }, section: ['templates'] },
  { label: 'Trash', route: { name: 'trash' }, section: ['trash'] },
];

/** The sidebar's foot, apart from the day-to-day screens. */
export const NAV_FOOTER: NavItem[] = [
  { label: 'Settings', route: { name: 'settings' }, section: ['settings'] },
  { label: 'Backups', route: { name: 'backups' }, section: ['backups'] },
  { label: 'Import & export', route: { name: 'data' }, section: ['data'] },
  { label: 'How Afterview works', route: { name: 'guide' }, section: ['guide'] },
];
