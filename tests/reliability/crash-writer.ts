/**
 * A child process for the crash test: saves one note through the real
 * handlers as fast as it can and prints each revision once the save is
 * acknowledged. The parent kills it with SIGKILL at a random moment.
 */
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { openVault } from '#core/vault/connection';

const [vaultPath, noteId, startAt] = process.argv.slice(2) as [string, string, string];
const vault = openVault(vaultPath);
const dispatch = createDispatch(createHandlers({ vault, appVersion: 'crash-test', now: () => new Date() }));
const filler = 'lorem ipsum dolor sit amet '.repeat(40);

let counter = Number(startAt);
for (;;) {
  counter++;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `save ${counter} ${filler}` }] }] };
  const result = await dispatch('notes.save', { id: noteId, title: `Save ${counter}`, doc });
  if (!result.ok) {
    process.stderr.write(`save failed: ${result.error.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`${counter}\n`);
}
