import { z } from 'zod';
import { mailboxStatusSchema } from '../domain/capture';
import { exportProgressSchema } from '../domain/data-export';
import { rewriteProgressSchema } from '../domain/encryption';
import { SHELL_COMMANDS } from '../domain/shortcuts';
import { appChannels } from './channels/app';
import { backupChannels } from './channels/backups';
import { captureChannels } from './channels/capture';
import { companyChannels } from './channels/companies';
import { contactChannels } from './channels/contacts';
import { exportChannels } from './channels/exports';
import { importChannels } from './channels/imports';
import { insightChannels } from './channels/insights';
import { csvImportChannels } from './channels/csv-import';
import { interviewChannels } from './channels/interviews';
import { letterChannels } from './channels/letters';
import { noteChannels } from './channels/notes';
import { openingChannels } from './channels/openings';
import { referenceChannels } from './channels/references';
import { reminderChannels } from './channels/reminders';
import { sampleChannels } from './channels/sample';
import { searchChannels } from './channels/search';
import { shellChannels } from './channels/shell';
import { touchpointChannels } from './channels/touchpoints';
import { trashChannels } from './channels/trash';
import { vaultLockChannels } from './channels/vault-lock';

/**
 * What a channel does to the vault. 'writes' channels change its data (and so
 * may change what is due: dispatch re-plans the reminders after each);
 * 'reads' channels leave it as it was, even when they make a file of it.
 */
export type ChannelEffect = 'reads' | 'writes';

interface ChannelSpec {
  effect: ChannelEffect;
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The one source of truth for every channel between the renderer and the core:
 * its name, whether it reads or writes, the input it accepts and the output it
 * promises. Each feature declares its channels in channels/<feature>.ts.
 */
export const contract = {
  ...appChannels,
  ...openingChannels,
  ...companyChannels,
  ...contactChannels,
  ...interviewChannels,
  ...noteChannels,
  ...letterChannels,
  ...referenceChannels,
  ...trashChannels,
  ...backupChannels,
  ...reminderChannels,
  ...searchChannels,
  ...touchpointChannels,
  ...exportChannels,
  ...importChannels,
  ...insightChannels,
  ...csvImportChannels,
  ...sampleChannels,
  ...shellChannels,
  ...vaultLockChannels,
  ...captureChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function writesVault(channel: Channel): boolean {
  return contract[channel].effect === 'writes';
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the main process pushes to the window. */
export const events = {
  'navigate': z.object({ path: z.string().max(500) }),
  /**
   * The window is about to close or the app to quit: save every open editor,
   * then answer with window.api.events.flushed(requestId). The shell closes
   * anyway after a few seconds, so an unanswered request never traps the user.
   */
  'app.flushRequested': z.object({ requestId: z.number().int().nonnegative() }),
  /** The reminders changed (a re-plan, an alert, a snooze): Today and the tray fetch the agenda again. */
  'reminders.changed': z.object({}),
  /** A whole-vault export moved on: done of total steps. */
  'exports.progress': exportProgressSchema,
  /**
   * The window's page crashed or stopped responding and was loaded again on
   * the same screen: the new page says so. Saved work is in the vault.
   */
  'app.recovered': z.object({ reason: z.enum(['crashed', 'unresponsive']) }),
  /** Progress of reading or importing a whole-vault export, the same shape as an export's. */
  'imports.progress': exportProgressSchema,
  /** A menu item asks the page to open something of its own: the search palette, the shortcuts list. */
  'app.command': z.object({ command: z.enum(SHELL_COMMANDS) }),
  /** The vault locked (idle, the computer slept, "Lock now") or unlocked: the page shows the unlock screen, or the app again. */
  'vault.lockChanged': z.object({ state: z.enum(['open', 'locked']) }),
  /** A change of protection moved on: Settings shows how far the rewrite is. */
  'vault.rewriteProgress': rewriteProgressSchema,
  /** The vault was opened again under a new protection: the page reloads, as its data comes from a new connection. */
  'vault.reopened': z.object({}),
  /**
   * A file the page handed to the desktop's save dialog was saved (under the
   * name the user chose), cancelled, or failed to write; `url` is the blob
   * address the page made it from.
   */
  'file.saved': z.object({ url: z.string().max(500), outcome: z.enum(['saved', 'cancelled', 'failed']), fileName: z.string().max(500).nullable() }),
  /** The mailbox sync moved on, paused, or ended (with its result). */
  'mailbox.progress': mailboxStatusSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
