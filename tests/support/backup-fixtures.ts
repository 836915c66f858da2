import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreHarness } from './core-harness';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** A "photo" Afterview accepts as a PNG: its signature, then `size` random bytes (so it spans several backup chunks). */
export function photo(size: number): string {
  return Buffer.concat([PNG_SIGNATURE, randomBytes(size)]).toString('base64');
}

/** Every file in a folder by name, with the SHA-256 of its bytes: equal maps mean the same files, byte for byte. */
export function filesDigest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}

/**
 * A small vault as a user keeps it: openings, an interview, notes, and three
 * contacts with card photos, one of them 2.5 MB (several chunks in a backup).
 */
export async function vaultWithPhotos(core: CoreHarness) {
  const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Analyst', stage: 'interviewing' });
  await core.call('openings.create', { companyName: 'Globex', role: 'Designer' });
  const interview = await core.call('interviews.create', {
    openingId: opening.id,
    startsAt: '2026-03-03T09:00:00.000Z',
    endsAt: '2026-03-03T10:00:00.000Z',
    timeZone: 'UTC',
    format: 'video',
    team: [{ name: 'Ivan Petrov' }],
  });
  const note = await core.call('notes.create', { parentType: 'interview', parentId: interview.id, title: 'What they asked' });
  await core.call('notes.save', { id: note.id, title: 'What they asked', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'About the data pipeline.' }] }] } });
  const cards = [];
  for (const [name, size] of [['Carla Gomez', 2_500_000], ['Dev Patel', 40_000], ['Eve Moreau', 10]] as const) {
    const contact = await core.call('contacts.create', { name, companyName: 'Acme' });
    cards.push(await core.call('cards.add', { contactId: contact.id, fileName: `${name}.png`, mimeType: 'image/png', dataBase64: photo(size) }));
  }
  return { opening, interview, note, cards };
}

/** Counts rows of a table in a SQLite file opened on its own. */
export function countIn(path: string, sql: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
