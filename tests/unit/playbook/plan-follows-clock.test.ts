import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReminderService } from '#core/reminders/service';
import type { Db } from '#core/vault/connection';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempVault } from '#support/temp-vault';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The synthetic vault is "as of" this instant: a year of history before it, a few weeks of bookings after. */
const AS_OF = '2026-03-02T09:00:00.000Z';
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Santiago'];
/** The running service looks at least this often on its own (its longest sleep): the test's steps are never shorter. */
const MAX_SLEEP_MS = HOUR;

/** Every open reminder as planned: what a user can see and act on, without when it last rang. */
function openReminders(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT key, kind, title, detail, due_at, deadline_at, alerts, opening_id, target_kind, target_id, channel, snoozed_until
       FROM reminders WHERE status = 'open' ORDER BY key`,
    )
    .all();
}

const vaults: { cleanup(): void }[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const vault of vaults.splice(0)) vault.cleanup();
});

function syntheticVault(seed: number) {
  const vault = tempVault();
  vaults.push(vault);
  buildSyntheticVault(vault, { seed, scale: 0.01, now: AS_OF });
  return vault;
}

describe('the plan follows the clock', () => {
  it('a service left running for 60 days without a write holds, at every step, the reminders a fresh start would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          // From a month before the vault's "as of" (its last month of interviews still to come) to a day after.
          startOffsetHours: fc.integer({ min: -30 * 24, max: 24 }),
          zone: fc.constantFrom(...ZONES),
          // The laptop travels, once, at some step (or never).
          move: fc.option(fc.record({ atStep: fc.integer({ min: 0, max: 40 }), to: fc.constantFrom(...ZONES) }), { nil: undefined }),
          steps: fc.array(fc.integer({ min: MAX_SLEEP_MS / 60_000, max: 36 * 60 }), { minLength: 1, maxLength: 12 }),
        }),
        async ({ seed, startOffsetHours, zone: firstZone, move, steps }) => {
          vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
          const start = Date.parse(AS_OF) + startOffsetHours * HOUR;
          vi.setSystemTime(start);
          // Two copies of one vault, row for row: one for the app left running, one restarted at every step.
          const running = syntheticVault(seed);
          const restarted = syntheticVault(seed);
          let zone = firstZone;
          const timeZone = () => zone;
          const now = () => new Date();
          const service = createReminderService({ db: running.db, now, timeZone, maxSleepMs: MAX_SLEEP_MS, yieldToLoop: () => Promise.resolve() });
          await service.start();
          try {
            for (let step = 0; Date.now() < start + 60 * DAY; step++) {
              if (move && step === move.atStep) zone = move.to;
              await vi.advanceTimersByTimeAsync(steps[step % steps.length]! * 60_000);
              await service.settled();
              const fresh = createReminderService({ db: restarted.db, now, timeZone, yieldToLoop: () => Promise.resolve() });
              await fresh.start();
              fresh.stop();
              expect(openReminders(running.db), `at ${new Date().toISOString()} in ${zone}`).toEqual(openReminders(restarted.db));
            }
          } finally {
            service.stop();
            vi.useRealTimers();
            for (const vault of vaults.splice(0)) vault.cleanup();
          }
        },
      ),
      { numRuns: 6 },
    );
  }, 240_000);
});
