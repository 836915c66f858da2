import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReminders } from '#core/playbook/plan';
import type { PlaybookFacts, ReferenceFact } from '#core/playbook/facts';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { buildSyntheticVault } from '#support/synthetic-vault';
import { tempVault } from '#support/temp-vault';
import { naivePlan } from './naive-plan';

const NOW = '2026-03-02T09:00:00.000Z';
const PERMISSIONS: ReferenceFact['permission'][] = ['not_asked', 'asked', 'granted', 'granted', 'declined'];

// The vault has no references table yet; a few per opening exercise the reference rules too.
function withReferences(facts: PlaybookFacts): PlaybookFacts {
  const references = facts.openings.flatMap((opening, o) =>
    [0, 1, 2].slice(0, o % 4).map(
      (r): ReferenceFact => ({
        referenceId: `ref-${(o + r) % 7}`,
        name: `Reference ${(o + r) % 7}`,
        openingId: opening.id,
        permission: PERMISSIONS[(o + r) % PERMISSIONS.length]!,
        briefedAt: (o + r) % 3 === 0 ? NOW : null,
        thankedAt: (o + r) % 5 === 0 ? NOW : null,
      }),
    ),
  );
  return { ...facts, references };
}

describe('indexed plan on a generated vault', () => {
  const vault = tempVault();
  let facts: PlaybookFacts;
  beforeAll(() => {
    buildSyntheticVault(vault, { seed: 7, scale: 0.02, now: NOW });
    facts = withReferences(createFactsLoader(vault.db)());
  });
  afterAll(() => vault.cleanup());

  it('plans every kind of reminder', () => {
    const kinds = new Set(planReminders(facts, DEFAULT_PLAYBOOK, new Date(NOW), 'Europe/Berlin').map((item) => item.kind));
    expect([...kinds].sort()).toEqual(
      ['debrief', 'follow_up', 'letter_mail', 'linkedin_connect', 'move_on', 'reference_brief', 'reference_thanks', 'references_low', 'rejection_thank_you', 'revisit', 'stay_in_touch', 'thank_you'].sort(),
    );
  });

  it.each([
    ['now', NOW, 'Europe/Berlin'],
    ['a month earlier', '2026-02-01T07:30:00.000Z', 'America/New_York'],
    ['a month later', '2026-04-02T18:00:00.000Z', 'Asia/Tokyo'],
  ])('equals the straightforward plan %s', (_label, now, zone) => {
    const settings = { ...DEFAULT_PLAYBOOK, maxUnansweredFollowUps: 2 };
    const fast = planReminders(facts, settings, new Date(now), zone);
    const reference = naivePlan(facts, settings, new Date(now), zone);
    expect(fast.map((item) => [item.key, item.dueAt])).toEqual(reference.map((item) => [item.key, item.dueAt]));
    expect(fast).toEqual(reference);
  });
});
