/**
 * Encryption on beside off, in one run: search, the opening page's data and
 * a durable 50 KB save, on the bench vault and on an encrypted copy of it
 * (the copy made once, as turning encryption on makes it, and cached). Each
 * row is the encrypted vault's measure, with the plain vault's as baseline.
 *
 * Last, turning encryption on: the bench vault's database written again in
 * the rewrite thread, as the app does it, beside the plain copy made on the
 * main thread, with how often the main thread turned meanwhile.
 *
 * `npx tsx tests/bench/encryption.ts [--scale 0.05]` runs these rows alone
 * (on a vault it builds at that scale); `npm run bench` runs them with the rest.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch, type Dispatch } from '#core/dispatch';
import { createHandlers } from '#core/handlers/index';
import { rewriteVaultDatabase } from '#core/vault/rewrite';
import { changeProtection } from '#core/keys/change-protection';
import { DEFAULT_LOCK_POLICY } from '#core/keys/key-file';
import { newVaultKey, protectWithPassphrase } from '#core/keys/protection';
import { sourceRewriteWorker, stageInThread } from '#core/keys/rewrite-thread';
import { openVault, type Vault } from '#core/vault/connection';
import { percentile, type Row } from './row';

const NOW = '2026-03-02T09:00:00.000Z';
const QUERIES = ['kubernetes', 'team', 'interv', 'sal', 'team interview', 'python sql dashboard', 'onboard', 'visa relocation', 'feedback', 'qu'];
const ROUNDS = 3;

/** The encrypted copy of the bench vault and its key (a bench file: the key is kept beside it in clear, as no user's vault ever is). */
function encryptedCopy(vaultPath: string): { path: string; key: Buffer } {
  const path = vaultPath.replace(/\.sqlite$/, '-encrypted.sqlite');
  const keyPath = `${path}.bench-key`;
  if (existsSync(path) && existsSync(keyPath)) return { path, key: Buffer.from(readFileSync(keyPath, 'utf8'), 'hex') };
  const key = newVaultKey();
  rmSync(path, { force: true });
  rewriteVaultDatabase(vaultPath, path, null, key);
  writeFileSync(keyPath, key.toString('hex'));
  return { path, key };
}

async function call(dispatch: Dispatch, channel: string, input?: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

async function samples(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

interface Measures {
  search: number[][];
  opening: number[][];
  save: number[][];
}

/** The same reads and saves on one vault, in rounds. */
async function measure(vault: Vault): Promise<Measures> {
  const dispatch = createDispatch(createHandlers({ vault, appVersion: 'bench', now: () => new Date(NOW) }));
  const openingIds = (vault.db.prepare('SELECT id FROM openings WHERE deleted_at IS NULL LIMIT 200').all() as { id: string }[]).map((row) => row.id);
  const noteId = (vault.db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL AND length(plain_text) < 5000 LIMIT 1').get() as { id: string }).id;
  const fifty = 'lorem ipsum dolor sit amet consectetur '.repeat(1300).slice(0, 50_000);
  let q = 0;
  let o = 0;
  let n = 0;
  const measures: Measures = { search: [], opening: [], save: [] };
  for (let round = 0; round < ROUNDS; round++) {
    measures.search.push(await samples(() => call(dispatch, 'search.query', { text: QUERIES[q++ % QUERIES.length], limit: 20 }), 200, 20));
    measures.opening.push(await samples(() => call(dispatch, 'openings.get', { id: openingIds[o++ % openingIds.length] }), 300, 20));
    measures.save.push(await samples(() => call(dispatch, 'notes.save', { id: noteId, title: 'Bench', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${n++} ${fifty}` }] }] } }), 70, 5));
  }
  return measures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function row(name: string, targetMs: number, on: number[][], off: number[][], note: string): Row {
  const across = (rounds: number[][], p: number) => median(rounds.map((round) => percentile(round, p)));
  const value = across(on, 99);
  return {
    name,
    target: `p99 ≤ ${targetMs} ms`,
    targetMs,
    measured: 'p99',
    value,
    baseline: across(off, 99),
    met: value <= targetMs,
    note: `median of ${ROUNDS} rounds; baseline = the same on the plain vault, in this run; ${note}`,
    p50: across(on, 50),
    baselineP50: across(off, 50),
  };
}

/**
 * Turning encryption on, on the plain copy: the whole change (the staging in
 * its thread, the commit, the renames). The thread's code is the built one
 * when there is a build (`npm run bench` builds first), as in the desktop app.
 */
async function rewriteRow(vaultPath: string, plainCopyMs: number): Promise<Row> {
  const key = newVaultKey();
  const { protection } = await protectWithPassphrase(key, 'bench passphrase', { N: 2 ** 10, r: 8, p: 1 });
  const built = join(dirname(fileURLToPath(import.meta.url)), '../../out/main/rewrite-worker.js');
  const script = existsSync(built) ? { file: built } : sourceRewriteWorker();
  let turns = 0;
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    turns++;
  }, 5);
  const start = performance.now();
  try {
    await changeProtection({ vaultPath, from: null, to: key, protection, lock: DEFAULT_LOCK_POLICY }, stageInThread(() => undefined, script));
  } finally {
    clearInterval(ticker);
    key.fill(0);
  }
  const value = performance.now() - start;
  return {
    name: 'turn encryption on — the vault written again',
    target: '—',
    targetMs: null,
    measured: 'time',
    value,
    baseline: plainCopyMs,
    met: null,
    note: `ms; in the rewrite thread (${existsSync(built) ? 'built' : 'from the sources'}), the main thread turning ${turns} times meanwhile, its longest wait ${longest.toFixed(0)} ms; baseline = the plain copy (VACUUM INTO and its checks) on the main thread`,
  };
}

/** The rows, measured on a copy of the bench vault (the original is left as it was). */
export async function encryptionMeasurements(vaultPath: string): Promise<Row[]> {
  // Both vaults are written to by the saves: each is a scratch copy, so the bench vault stays the same from run to run.
  const scratch = join(dirname(vaultPath), 'encryption-scratch');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const plainPath = join(scratch, 'plain.sqlite');
    const copyStart = performance.now();
    rewriteVaultDatabase(vaultPath, plainPath, null, null);
    const plainCopyMs = performance.now() - copyStart;
    const encrypted = encryptedCopy(vaultPath);
    const encryptedPath = join(scratch, 'encrypted.sqlite');
    rewriteVaultDatabase(encrypted.path, encryptedPath, encrypted.key, encrypted.key);

    const plain = openVault(plainPath);
    const off = await measure(plain);
    plain.close();
    const locked = openVault(encryptedPath, { key: encrypted.key });
    const on = await measure(locked);
    locked.close();
    return [
      row('search, top 20 — encryption on', 20, on.search, off.search, 'SQLCipher 4 pages'),
      row('opening page data — encryption on', 5, on.opening, off.opening, 'SQLCipher 4 pages'),
      row('save a 50 KB note — encryption on', 50, on.save, off.save, 'durable (synchronous=FULL), search index included'),
      // Last: it encrypts the plain copy the rows above measured.
      await rewriteRow(plainPath, plainCopyMs),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Alone: on a small vault built for it.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { parseArgs } = await import('node:util');
  const { buildSyntheticVault } = await import('#support/synthetic-vault');
  const { addSyntheticNotes } = await import('./synthetic-notes');
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.05' }, seed: { type: 'string', default: '42' } } });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const dir = join('.bench-cache', 'encryption-alone');
  const path = join(dir, `vault-${seed}-${scale}.sqlite`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const vault = openVault(path);
    buildSyntheticVault(vault, { seed, scale, now: NOW });
    addSyntheticNotes(vault.db, { seed, count: Math.round(100_000 * scale), huge: Math.max(1, Math.round(5 * scale)) });
    vault.close();
  }
  for (const measured of await encryptionMeasurements(path)) {
    console.log(`| ${measured.name} | ${measured.target} | ${measured.measured} ${measured.value!.toFixed(2)} ms | plain ${measured.baseline!.toFixed(2)} ms | ${measured.met === null ? '—' : measured.met ? 'yes' : 'NO'} | ${measured.p50 === undefined ? measured.note : `p50 ${measured.p50.toFixed(2)} (${measured.baselineP50!.toFixed(2)}) ms`} |`);
  }
}
