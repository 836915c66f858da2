/**
 * Run by the bench in a process of its own (bundled, with plain `node`), so its
 * resident memory is the core's alone: the vault open, reminders planned and
 * armed, and a session's worth of reads. Prints { before, after } in bytes:
 * the same process before the vault opened, and after.
 */
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { createReminderService } from '#core/reminders/service';
import { openVault } from '#core/vault/connection';

const vaultPath = process.argv[2]!;
const now = () => new Date(process.argv[3] ?? Date.now());
const before = process.memoryUsage().rss;
const vault = openVault(vaultPath);
const reminders = createReminderService({ db: vault.db, now });
const dispatch = createDispatch(createHandlers({ vault, appVersion: 'bench', now, reminders }), () => undefined, { afterWrite: () => reminders.planSoon() });
// The plan runs in the background; the session is measured once it has landed.
await reminders.start();

// What a session touches: the pipeline, Today, a few openings, searches, the longest note.
const openings = (await dispatch('openings.list', undefined)) as { ok: boolean; value: { id: string }[] };
for (const opening of openings.value.slice(0, 50)) await dispatch('openings.get', { id: opening.id });
await dispatch('reminders.agenda', undefined);
for (const text of ['team', 'interv', 'python sql', 'qu']) await dispatch('search.query', { text, limit: 20 });
const longest = vault.db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY length(plain_text) DESC LIMIT 1').get() as { id: string } | undefined;
if (longest) await dispatch('notes.get', { id: longest.id });
await dispatch('contacts.list', undefined);

const after = process.memoryUsage().rss;
reminders.stop();
vault.close();
process.stdout.write(JSON.stringify({ before, after }));
