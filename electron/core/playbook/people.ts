import type { PersonOpeningFact } from './facts';

/**
 * Of a person's openings, the one in these stages that got there last (ties
 * broken by id, so every slice of a plan picks the same one): a person's one
 * stay-in-touch cadence or LinkedIn suggestion hangs on it, however many of
 * their openings closed.
 */
export function latestOpeningIn(openings: readonly PersonOpeningFact[], stages: ReadonlySet<string>): PersonOpeningFact | undefined {
  let latest: PersonOpeningFact | undefined;
  for (const opening of openings) {
    if (!stages.has(opening.stage)) continue;
    if (!latest || opening.stageChangedAt > latest.stageChangedAt || (opening.stageChangedAt === latest.stageChangedAt && opening.openingId > latest.openingId)) latest = opening;
  }
  return latest;
}
