import type { PlaybookSettings } from '#shared/domain/playbook';
import { makePlan } from '../playbook/plan';
import type { Db } from '../vault/connection';
import { createSliceFactsLoader } from '../vault/read-models/playbook-facts';
import type { ReminderStore } from '../vault/repositories/reminders';

/**
 * Openings planned together. Every fact of the playbook belongs to an opening,
 * so a slice is planned from its own facts alone; on the full-size vault a
 * slice holds the thread for a few milliseconds and a few hundred rows.
 */
export const OPENINGS_PER_SLICE = 25;

export interface PlanInput {
  settings: PlaybookSettings;
  /** One instant for the whole plan, however long it takes to write. */
  now: Date;
  timeZone: string;
}

/** What a whole plan, once written, stands for. */
export interface WrittenPlan {
  /** The first instant at which planning again, with no write, could answer differently (null: never). */
  changesAt: string | null;
  /** The zone its "on the day" rules used. */
  timeZone: string;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Writes the playbook's plan into the reminders table a slice of openings at
 * a time: read the slice's facts, plan them, sync the slice's rows. The
 * table ends up exactly as planning the whole vault at once would leave it,
 * and the plan says until when it holds (the soonest of its slices).
 */
export function createPlanner(db: Db, store: ReminderStore, openingsPerSlice = OPENINGS_PER_SLICE) {
  const facts = createSliceFactsLoader(db);

  /**
   * Plans the openings after `after`; returns the last one planned, or null
   * once none are left (the last slice also clears the rest of the table),
   * and until when the slice's plan holds.
   */
  interface PlannedSlice {
    last: string | null;
    changesAt: string | null;
  }
  const planSlice = db.transaction((after: string, input: PlanInput): PlannedSlice => {
    const ids = facts.openingIdsAfter(after, openingsPerSlice);
    const last = ids.length < openingsPerSlice ? null : ids[ids.length - 1]!;
    const { items, changesAt } = ids.length === 0 ? { items: [], changesAt: null } : makePlan(facts.load(ids), input.settings, input.now, input.timeZone);
    store.syncOpenings(after, last, items, input.now.toISOString());
    return { last, changesAt };
  });

  return {
    /** The whole plan, slice after slice, without letting go of the thread. */
    planAll(input: PlanInput): WrittenPlan {
      let changesAt: string | null = null;
      for (let after: string | null = ''; after !== null; ) {
        const slice: PlannedSlice = planSlice(after, input);
        changesAt = earlier(changesAt, slice.changesAt);
        after = slice.last;
      }
      return { changesAt, timeZone: input.timeZone };
    },

    /**
     * The whole plan, letting the event loop run between slices so requests
     * are answered meanwhile. Stops early, returning null, once `cancelled`
     * says so (a newer plan took over); a write between slices is planned by
     * the slices after it and by the re-plan it asks for.
     */
    async planInSlices(input: PlanInput, yieldToLoop: () => Promise<void>, cancelled: () => boolean): Promise<WrittenPlan | null> {
      let changesAt: string | null = null;
      // The first slice waits for a turn of the loop too: whoever asked for the plan goes on at once.
      for (let after: string | null = ''; after !== null; ) {
        await yieldToLoop();
        if (cancelled()) return null;
        const slice: PlannedSlice = planSlice(after, input);
        changesAt = earlier(changesAt, slice.changesAt);
        after = slice.last;
      }
      return { changesAt, timeZone: input.timeZone };
    },
  };
}

export type Planner = ReturnType<typeof createPlanner>;
