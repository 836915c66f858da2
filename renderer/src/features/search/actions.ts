import { ADD_OPENING_KEY, SHORTCUTS_HELP_KEY } from '#shared/domain/shortcuts';
import type { ThemeChoice } from '#shared/domain/theme';
import { matchesTyped } from './commands';

/** What the palette can do besides going somewhere. */
export type PaletteActionId = 'logInterview' | 'prepSheet' | 'importInvite' | 'importEmail' | 'addOpening' | 'theme:light' | 'theme:dark' | 'theme:system' | 'backUp' | 'exportVault' | 'pipelineCsv' | 'importCsv' | 'showShortcuts';

export interface PaletteAction {
  id: PaletteActionId;
  label: string;
  /** Its keyboard shortcut, as "Mod-N", where it has one. */
  keys?: string;
}

/** On an opening's page, for that opening. */
const OPENING_ACTIONS: (PaletteAction & { also: string })[] = [
  { id: 'logInterview', label: 'Log interview…', also: 'round add record' },
  { id: 'prepSheet', label: 'Export prep sheet…', also: 'download dossier briefing pdf word markdown print' },
];

/** Each action, with other words a user might type for it. */
const ACTIONS: (PaletteAction & { also: string })[] = [
  { id: 'addOpening', label: 'Add opening', keys: `Mod-${ADD_OPENING_KEY.toUpperCase()}`, also: 'new create job role application' },
  { id: 'theme:light', label: 'Switch to light theme', also: 'appearance mode' },
  { id: 'theme:dark', label: 'Switch to dark theme', also: 'appearance mode night' },
  { id: 'theme:system', label: 'Switch to the system theme', also: 'appearance mode follow match automatic' },
  { id: 'backUp', label: 'Back up now', also: 'backup save copy' },
  { id: 'exportVault', label: 'Export whole vault…', also: 'download zip markdown json everything' },
  { id: 'pipelineCsv', label: 'Download pipeline as CSV', also: 'export spreadsheet excel' },
  { id: 'importCsv', label: 'Import openings from CSV…', also: 'spreadsheet excel upload' },
  { id: 'importInvite', label: 'Import calendar invite…', also: 'ics invitation meeting outlook google zoom teams' },
  { id: 'importEmail', label: 'Import e-mail…', also: 'eml mail message reply touchpoint' },
  { id: 'showShortcuts', label: 'Show keyboard shortcuts', keys: `Mod-${SHORTCUTS_HELP_KEY}`, also: 'keys help' },
];

/**
 * The actions matching what was typed (all before anything is typed): first
 * those for the opening on show, if any, and leaving out a switch to the theme
 * already chosen.
 */
export function actionsFor(text: string, theme: ThemeChoice, onOpening = false): PaletteAction[] {
  return [...(onOpening ? OPENING_ACTIONS : []), ...ACTIONS].filter(({ id, label, also }) => id !== `theme:${theme}` && matchesTyped(text, `${label} ${also}`)).map(({ id, label, keys }) => ({
    id,
    label,
    ...(keys ? { keys } : {}),
  }));
}
