import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookFacts } from '#core/playbook/facts';
import { makePlan } from '#core/playbook/plan';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempVault } from '#support/temp-vault';

const AS_OF = Date.parse('2026-03-02T09:00:00.000Z');
const DAY = 86_400_000;

describe('when the plan can change next', () => {
  const vault = tempVault();
  let facts: PlaybookFacts;
  beforeAll(() => {
    buildSyntheticVault(vault, { seed: 5, scale: 0.02, now: new Date(AS_OF).toISOString() });
    facts = createFactsLoader(vault.db)();
  });
  afterAll(() => vault.cleanup());

  it('holds the same answer at every instant before the change it names', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40 * DAY, max: 30 * DAY }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (offset, fraction) => {
        const now = new Date(AS_OF + offset);
        const planned = makePlan(facts, DEFAULT_PLAYBOOK, now, 'Europe/Berlin');
        if (planned.changesAt === null) {
          // No interview of an open process is still to start or end: the answer holds for good.
          expect(makePlan(facts, DEFAULT_PLAYBOOK, new Date(now.getTime() + 400 * DAY), 'Europe/Berlin').items).toEqual(planned.items);
          return;
        }
        const changesAt = Date.parse(planned.changesAt);
        expect(changesAt).toBeGreaterThan(now.getTime());
        const before = new Date(now.getTime() + Math.floor((changesAt - now.getTime()) * fraction));
        expect(makePlan(facts, DEFAULT_PLAYBOOK, before, 'Europe/Berlin').items).toEqual(planned.items);
        expect(makePlan(facts, DEFAULT_PLAYBOOK, new Date(changesAt - 1), 'Europe/Berlin').items).toEqual(planned.items);
      }),
      { numRuns: 40 },
    );
  });

  it('names the first end of an interview still to come while its process waits on it', () => {
    const waiting = facts.openings.filter((opening) => opening.stage === 'interviewing' || opening.stage === 'offer' || opening.stage === 'applied').map((opening) => opening.id);
    const now = new Date(AS_OF);
    const ends = facts.interviews.filter((interview) => waiting.includes(interview.openingId) && Date.parse(interview.endsAt) > AS_OF).map((interview) => interview.endsAt).sort();
    expect(ends.length).toBeGreaterThan(0);
    expect(makePlan(facts, DEFAULT_PLAYBOOK, now, 'Europe/Berlin').changesAt! <= ends[0]!).toBe(true);
  });
});
