import type { Db } from '#core/vault/connection';

const WORDS = (
  'team interview salary offer manager project data pipeline dashboard customer product design review question answer ' +
  'culture remote hybrid office python sql analytics roadmap stakeholder feedback deadline budget onboarding mentor growth ' +
  'recruiter schedule follow thanks reference portfolio experience leadership strategy metrics quarterly launch migration ' +
  'kubernetes frontend backend testing security compliance negotiation benefits equity relocation visa contract timeline'
).split(' ');

/** mulberry32, as in the vault generator: the same notes on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function text(next: () => number, chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = WORDS[Math.floor(next() * WORDS.length)]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

/**
 * Adds notes of realistic length (about 2 KB, a few of 400 KB) to the
 * openings of a synthetic vault, through raw INSERTs in one transaction; the
 * search triggers index them as the app would.
 */
export function addSyntheticNotes(db: Db, options: { seed: number; count: number; huge: number }): number {
  const next = random(options.seed);
  const openings = (db.prepare('SELECT id FROM openings').all() as { id: string }[]).map((row) => row.id);
  const insert = db.prepare("INSERT INTO notes (id, parent_type, parent_id, title, doc, plain_text, revision, created_at, updated_at) VALUES (?, 'opening', ?, ?, ?, ?, 1, ?, ?)");
  const start = Date.parse('2025-03-01T00:00:00Z');
  db.transaction(() => {
    for (let index = 0; index < options.count; index++) {
      const body = text(next, index < options.huge ? 400_000 : 1_600 + Math.floor(next() * 800));
      const doc = JSON.stringify({ type: 'doc', content: body.match(/.{1,600}(\s|$)/g)!.map((part) => ({ type: 'paragraph', content: [{ type: 'text', text: part.trim() }] })) });
      const at = new Date(start + index * 300_000).toISOString();
      const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, '0');
      insert.run(`${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`, openings[index % openings.length]!, `Note ${index} ${text(next, 20)}`, doc, body, at, at);
    }
  })();
  return options.count;
}
