/**
 * The capture's performance (issue 18), beside raw library baselines from the
 * same run: syncing a 10,000-message mailbox from a local Dovecot (messages
 * per second, the longest event-loop stall, memory), and importing 500
 * invites. `tests/bench/run.ts` adds these rows to its table; alone:
 *   npx tsx tests/bench/capture.ts [--messages 10000] [--invites 500]
 */
import ICAL from 'ical.js';
import { ImapFlow } from 'imapflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startMailboxSync } from '#core/capture/imap/mailbox-sync';
import { readInvites } from '#core/capture/read-invites';
import { dovecotBinary, startDovecot, type Dovecot, type SeedMessage } from '#support/dovecot';
import { MemoryCaptureVault } from '#support/memory-capture-vault';
import { percentile, type Row } from './row';

const FIXTURES = join(import.meta.dirname, '../fixtures/capture');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const NOW = new Date('2026-03-05T12:00:00Z');
const STALL_TARGET_MS = 50;
const OWN = 'sam.candidate@example.org';

/** A deterministic mailbox: most messages to or from one of 200 contacts, some from strangers, some with invites or attachments. */
function mailbox(count: number): { inbox: SeedMessage[]; sent: SeedMessage[]; contacts: string[] } {
  const contacts = Array.from({ length: 200 }, (_, index) => `contact${index}@company${index % 40}.example`);
  const invite = fixture('outlook-invite.ics');
  const attachment = Buffer.alloc(60_000, 3).toString('base64').replace(/.{76}/g, '$&\r\n');
  const inbox: SeedMessage[] = [];
  const sent: SeedMessage[] = [];
  for (let index = 0; index < count; index++) {
    const stranger = index % 10 === 9;
    const contact = stranger ? `news${index}@shop.example` : contacts[index % contacts.length]!;
    const outbound = index % 4 === 0 && !stranger;
    const date = new Date(Date.UTC(2026, 0, 1) + index * 600_000);
    const headers = [
      `From: ${outbound ? OWN : contact}`,
      `To: ${outbound ? contact : OWN}`,
      `Subject: Message ${index} about the role`,
      `Date: ${date.toUTCString()}`,
      `Message-ID: <bench-${index}@afterview.example>`,
      'MIME-Version: 1.0',
    ];
    const text = `Hello,\r\n\r\nThis is message ${index}. ${'Some words about the interview process. '.repeat(8)}\r\n\r\nBest,\r\nSomeone\r\n\r\nOn Mon, 1 Jan 2026 at 10:00, Sam <${OWN}> wrote:\r\n> earlier\r\n`;
    let raw: string;
    if (index % 50 === 7) {
      raw = [...headers, 'Content-Type: multipart/alternative; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', text, '--b', 'Content-Type: text/calendar; charset=utf-8; method=REQUEST', '', invite.replace(/UID:[^\r\n]+/, `UID:bench-invite-${index}`), '--b--', ''].join('\r\n');
    } else if (index % 20 === 3) {
      raw = [...headers, 'Content-Type: multipart/mixed; boundary="m"', '', '--m', 'Content-Type: text/plain; charset=utf-8', '', text, '--m', 'Content-Type: application/pdf; name="cv.pdf"', 'Content-Disposition: attachment; filename="cv.pdf"', 'Content-Transfer-Encoding: base64', '', attachment, '--m--', ''].join('\r\n');
    } else {
      raw = [...headers, 'Content-Type: text/plain; charset=utf-8', '', text].join('\r\n');
    }
    (outbound ? sent : inbox).push({ raw, flags: index % 3 === 0 ? 'S' : '', date });
  }
  return { inbox, sent, contacts };
}

/**
 * The longest event-loop stall, and how much of it this process spent on the
 * CPU: on a busy machine a stall is often the process waiting for a core,
 * not code holding the loop, and the note says which.
 */
function stallMeter() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = { wallMs: 0, cpuMs: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const wallMs = now - last;
    if (wallMs > longest.wallMs) longest = { wallMs, cpuMs: (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000 };
    last = now;
    lastCpu = cpu;
  }, 5);
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      clearInterval(timer);
      return { maxMs: histogram.max / 1e6, cpuOfLongestMs: longest.cpuMs };
    },
  };
}

interface Timed {
  ms: number;
  stallMs: number;
  messages: number;
}

/** The raw floor: imapflow alone fetching every message's envelope and the first 64 KB of its text, nothing parsed or recorded. */
async function rawFetch(server: Dovecot): Promise<Timed> {
  const client = new ImapFlow({ host: server.host, port: server.port, secure: false, doSTARTTLS: false, auth: { user: server.user, pass: server.password }, logger: false, disableAutoIdle: true });
  const stalls = stallMeter();
  const started = performance.now();
  await client.connect();
  let messages = 0;
  for (const path of ['INBOX', 'Sent']) {
    await client.mailboxOpen(path, { readOnly: true });
    for await (const _message of client.fetch('1:*', { uid: true, envelope: true, bodyStructure: true, headers: true, bodyParts: [{ key: '1', maxLength: 65_536 }] })) messages++;
  }
  await client.logout();
  return { ms: performance.now() - started, stallMs: stalls.stop().maxMs, messages };
}

async function mailboxSync(count: number): Promise<Row[]> {
  const name = `mailbox sync of ${count.toLocaleString('en')} messages from a local Dovecot`;
  if (!dovecotBinary()) {
    return [{ name, target: `no stall > ${STALL_TARGET_MS} ms`, targetMs: STALL_TARGET_MS, measured: 'max stall', value: null, baseline: null, met: process.env.CI ? false : null, note: 'not measured: Dovecot is not installed (apt-get install dovecot-imapd)' }];
  }
  const server = await startDovecot();
  try {
    const seeded = mailbox(count);
    server.deliver('INBOX', seeded.inbox);
    server.deliver('Sent', seeded.sent);
    // Dovecot indexes a new mailbox on first access: a first pass warms it for both measures.
    await rawFetch(server);
    const raw = await rawFetch(server);

    const vault = new MemoryCaptureVault(seeded.contacts);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const stalls = stallMeter();
    const outcome = await startMailboxSync(
      { account: { host: server.host, port: server.port, security: 'none', allowUnencryptedOnThisComputer: true, user: server.user, password: server.password }, since: new Date('2025-12-31T00:00:00Z'), ownAddresses: [OWN], fallbackTimeZone: 'Europe/London' },
      { vault, now: () => NOW },
    ).done;
    const { maxMs: stallMs, cpuOfLongestMs } = stalls.stop();
    const ms = performance.now() - started;
    clearInterval(sampler);
    if (outcome.outcome !== 'finished') throw new Error(`the sync did not finish: ${outcome.failure?.message}`);
    const perSecond = (outcome.progress.read / ms) * 1000;
    const rawPerSecond = (raw.messages / raw.ms) * 1000;
    return [
      {
        name,
        target: `no stall > ${STALL_TARGET_MS} ms`,
        targetMs: STALL_TARGET_MS,
        measured: 'max stall',
        value: stallMs,
        baseline: raw.stallMs,
        met: stallMs <= STALL_TARGET_MS,
        note:
          `${outcome.progress.read.toLocaleString('en')} messages read, ${outcome.progress.logged.toLocaleString('en')} logged and ${outcome.progress.invites} invites offered in ${(ms / 1000).toFixed(1)} s ` +
          `(${perSecond.toFixed(0)} messages/s; raw imapflow fetch of every message ${rawPerSecond.toFixed(0)} messages/s); ` +
          `the longest stall had ${cpuOfLongestMs.toFixed(0)} ms of this process on the CPU (the rest waiting for a core); ` +
          `RSS peak +${Math.round((rssPeak - rssBefore) / 1_048_576)} MB; baseline = longest stall of the raw fetch; the vault port is in memory`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/** 500 invitations in the shapes the fixtures hold, each read as if dropped on the app. */
function inviteImport(count: number): Row[] {
  const shapes = ['google-invite.ics', 'outlook-invite.ics', 'outlook-pacific-display-name.ics', 'apple-invite.ics', 'zoom-invite.ics', 'google-export-weekly.ics'].map(fixture);
  const files = Array.from({ length: count }, (_, index) => Buffer.from(shapes[index % shapes.length]!.replace(/^UID:([^\r\n]+)/m, `UID:$1-${index}`)));
  // Warm-up, as the other rows have: the first reads compile the parsers.
  for (const file of files.slice(0, 30)) readInvites(file, { fallbackTimeZone: 'Europe/London', now: NOW, ownAddresses: [OWN] });
  const samples: number[] = [];
  const started = performance.now();
  for (const file of files) {
    const start = performance.now();
    readInvites(file, { fallbackTimeZone: 'Europe/London', now: NOW, ownAddresses: [OWN] });
    samples.push(performance.now() - start);
  }
  const total = performance.now() - started;
  const baseline: number[] = [];
  for (const file of files) {
    const start = performance.now();
    ICAL.parse(file.toString('utf8'));
    baseline.push(performance.now() - start);
  }
  return [
    {
      name: `import ${count} invites`,
      target: '—',
      targetMs: null,
      measured: 'p95',
      value: percentile(samples, 95),
      baseline: percentile(baseline, 95),
      met: null,
      p50: percentile(samples, 50),
      baselineP50: percentile(baseline, 50),
      note: `${(total / 1000).toFixed(2)} s for all ${count} (Google, Outlook, Apple, Zoom shapes); baseline = ical.js parsing the same files, nothing else`,
    },
  ];
}

export async function captureMeasurements(options: { messages?: number; invites?: number } = {}): Promise<Row[]> {
  return [...inviteImport(options.invites ?? 500), ...(await mailboxSync(options.messages ?? 10_000))];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, invites: { type: 'string', default: '500' } } });
  const rows = await captureMeasurements({ messages: Number(values.messages), invites: Number(values.invites) });
  for (const row of rows) console.log(`${row.name}: ${row.measured} ${row.value?.toFixed(2) ?? '—'} ms (baseline ${row.baseline?.toFixed(2) ?? '—'} ms)${row.met === false ? ' — TARGET MISSED' : ''}\n  ${row.note ?? ''}`);
  process.exit(rows.some((row) => row.met === false) ? 1 : 0);
}
