import { hrefFor, type Route } from '../../router';

export interface PaletteCommand {
  label: string;
  href: string;
}

const GO_TO: { label: string; route: Route }[] = [
  { label: 'Today', route: { name: 'today' } },
  { label: 'Pipeline', route: { name: 'pipeline' } },
  { label: 'Contacts', route: { name: 'contacts' } },
  { label: 'Companies', route: { name: 'companies' } },
  { label: 'Insights', route: { name: 'insights' } },
  { label: 'Templates', route: { name: 'templates' } },
  { label: 'Trash', route: { name: 'trash' } },
  { label: 'Settings', route: { name: 'settings' } },
  { label: 'Backups', route: { name: 'backups' } },
  { label: 'How Afterview works', route: { name: 'guide' } },
];

/** The "Go to" commands whose name starts a word the user typed, or all of them before anything is typed. */
export function commandsFor(text: string): PaletteCommand[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return GO_TO.filter(({ label }) => {
    const name = `go to ${label}`.toLowerCase();
    return words.every((word) => name.split(' ').some((part) => part.startsWith(word)));
  }).map(({ label, route }) => ({ label: `Go to ${label}`, href: hrefFor(route) }));
}
