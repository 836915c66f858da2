import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { openVault } from '#core/vault/connection';
import { tempDir } from '#support/temp-vault';
import { runAndKill } from './kill-child';

const KILLS = Number(process.env.AFTERVIEW_CRASH_KILLS ?? 20);
const dir = tempDir('afterview-crash-');
afterAll(() => dir.remove());

describe('crash safety', () => {
  it(`keeps every acknowledged save and a sound vault across ${KILLS} SIGKILLs mid-write`, async () => {
    const vaultPath = dir.file('vault.afterview.sqlite');
    const vault = openVault(vaultPath);
    const dispatch = createDispatch(createHandlers({ vault, appVersion: 'test', now: () => new Date() }));
    const opening = await dispatch('openings.create', { companyName: 'Crash Co', role: 'Survivor' });
    if (!opening.ok) throw new Error(opening.error.message);
    const note = await dispatch('notes.create', { parentType: 'opening', parentId: (opening.value as { id: string }).id });
    if (!note.ok) throw new Error(note.error.message);
    const noteId = (note.value as { id: string }).id;
    vault.close();

    let counter = 0;
    let totalAcked = 0;
    for (let run = 0; run < KILLS; run++) {
      const killAfterMs = 20 + Math.floor(Math.random() * 250);
      const { lines, errors } = await runAndKill('tests/reliability/crash-writer.ts', [vaultPath, noteId, String(counter)], killAfterMs);
      // Each line is a save acknowledged; the clock starts with the first, so every kill lands mid-work.
      const lastAcked = lines.length > 0 ? Number(lines.at(-1)) : counter;
      expect(errors).toBe('');
      totalAcked += lastAcked - counter;

      const check = new Database(vaultPath);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const row = check.prepare('SELECT title, plain_text FROM notes WHERE id = ?').get(noteId) as { title: string; plain_text: string };
      check.close();
      const stored = Number(/^save (\d+) /.exec(row.plain_text)?.[1] ?? 0);
      // Everything acknowledged is there; at most the one save in flight at the kill may be there too.
      expect(stored).toBeGreaterThanOrEqual(lastAcked);
      expect(stored).toBeLessThanOrEqual(lastAcked + 1);
      expect(row.title).toBe(`Save ${stored}`);
      counter = stored;
    }
    console.info(`crash test: ${KILLS} kills, ${totalAcked} acknowledged saves, 0 lost`);
    expect(totalAcked).toBeGreaterThan(KILLS);
  // Most of each round is the child starting up (tsx and the core), which a busy machine slows several-fold.
  }, 60_000 + KILLS * 15_000);
});
