import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createDispatch } from '#core/dispatch';
import type { Printer } from '#core/export/printer';
import type { ShellPort } from '#core/shell/port';
import { createHandlers } from '#core/handlers/index';
import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import type { AppErrorShape } from '#shared/ipc/errors';
import { tempVault } from './temp-vault';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-02T09:00:00.000Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    iso: () => new Date(current).toISOString(),
    set: (iso: string) => void (current = Date.parse(iso)),
    advance: (ms: number) => void (current += ms),
  };
}

/**
 * The whole core over a temp vault, reached through dispatch with the output
 * check on, exactly as the shells reach it: every answer is held to the contract.
 */
export function coreHarness(start?: string, options: { printer?: Printer; shell?: Pick<ShellPort, 'openExternal'>; pickBackupFile?: () => Promise<string | null> } = {}) {
  const vault = tempVault();
  const clock = manualClock(start);
  const logged: unknown[] = [];
  const handlers = createHandlers({ vault, appVersion: '0.0.0-test', now: clock.now, printer: options.printer, shell: options.shell, pickBackupFile: options.pickBackupFile });
  const dispatch = createDispatch(handlers, (error) => logged.push(error), {
    validateOutput: true,
  });

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${logged.map(String).join(' ')}`);
    return result.value as ChannelOutput<C>;
  }

  async function fail(channel: Channel, input: unknown): Promise<AppErrorShape> {
    const result = await dispatch(channel, input);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value).slice(0, 200)}`);
    return result.error;
  }

  function rowCounts(): Record<string, number> {
    const tables = vault.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (vault.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  }

  /** A digest of every row of every table: equal digests mean nothing was written (or all of it was rolled back). */
  function fingerprint(): string {
    const hash = createHash('sha256');
    for (const table of Object.keys(rowCounts())) {
      const rows = (vault.db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
      hash.update(`${table}\n${rows.join('\n')}\n`);
    }
    return hash.digest('hex');
  }

  const attachmentFiles = () => readdirSync(vault.attachmentsDir).sort();

  return { vault, clock, dispatch, call, fail, logged, rowCounts, fingerprint, attachmentFiles, cleanup: () => vault.cleanup() };
}
export type CoreHarness = ReturnType<typeof coreHarness>;

/** Smallest valid images of each kind, for business-card tests. */
export const IMAGES = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).toString('base64'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]).toString('base64'),
  webp: Buffer.from('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ', 'latin1').toString('base64'),
  notAnImage: Buffer.from('#!/bin/sh\necho hello\n').toString('base64'),
};

/** A TipTap document of paragraphs. */
export function docOf(...paragraphs: string[]) {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) };
}
