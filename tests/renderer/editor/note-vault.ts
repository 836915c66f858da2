import type { Note } from '#shared/domain/note';
import type { Envelope } from '#shared/ipc/errors';
import { fakeTransport } from '../fake-transport';

export const OPENING_ID = '6f1c1f2e-4d1a-4c55-9a57-1d2b3c4d5e6f';

export function note(overrides: Partial<Note> = {}): Note {
  return {
    id: '0b7d5c1e-1111-4a1a-8a1a-000000000001',
    parentType: 'opening',
    parentId: OPENING_ID,
    title: 'First call',
    doc: { type: 'doc', content: [{ type: 'paragraph' }] },
    revision: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

type Reply = (input: unknown) => Envelope<unknown>;

/** A fake core holding notes in memory; `failSaves` makes the next saves fail with a readable message. */
export function noteVault(initial: Note[], extra: Record<string, Reply> = {}) {
  const notes = new Map(initial.map((item) => [item.id, item]));
  const state = { failSaves: 0 };
  const fake = fakeTransport({
    'notes.get': (input) => {
      const found = notes.get((input as { id: string }).id);
      return found ? { ok: true, value: found } : { ok: false, error: { code: 'NOT_FOUND', message: 'That note does not exist.' } };
    },
    'notes.save': (input) => {
      if (state.failSaves > 0) {
        state.failSaves -= 1;
        return { ok: false, error: { code: 'VAULT_UNAVAILABLE', message: 'The disk is full.' } };
      }
      const { id, title, doc } = input as Pick<Note, 'id' | 'title' | 'doc'>;
      const previous = notes.get(id)!;
      const saved = { ...previous, title, doc, revision: previous.revision + 1, updatedAt: new Date().toISOString() };
      notes.set(id, saved);
      return { ok: true, value: { id, revision: saved.revision, updatedAt: saved.updatedAt } };
    },
    ...extra,
  });
  /** The channels called, in order, with their inputs. */
  const calls = () => fake.invoke.mock.calls.map(([channel, input]) => ({ channel, input: input as Record<string, unknown> }));
  const saves = () => calls().filter((call) => call.channel === 'notes.save').map((call) => call.input as Pick<Note, 'id' | 'title' | 'doc'>);
  return { ...fake, notes, state, calls, saves };
}
