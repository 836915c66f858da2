/**
 * Times one re-plan on a synthetic vault, stage by stage, by hand:
 *   npx tsx tests/support/measure-replan.ts [scale=1] [runs=5]
 * Each run follows a small write (one opening moves on), as after an edit in the app.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_PLAYBOOK } from '#shared/domain/playbook';
import { planReminders } from '#core/playbook/plan';
import { AGENDA_LIMIT, agendaHorizon, buildAgenda } from '#core/reminders/agenda';
import { createFactsLoader } from '#core/vault/read-models/playbook-facts';
import { createReminderStore } from '#core/vault/repositories/reminders';
import { buildSyntheticVault } from './synthetic-vault';
import { tempVault } from './temp-vault';

const scale = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 5);
const NOW = '2026-03-02T09:00:00.000Z';
const ZONE = 'Europe/Berlin';

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const vault = tempVault();
try {
  const [counts, buildMs] = time(() => buildSyntheticVault(vault, { seed: 42, scale, now: NOW }));
  console.log(`scale ${scale}: ${JSON.stringify(counts)} built in ${buildMs.toFixed(0)} ms`);
  const now = new Date(NOW);
  const loadFacts = createFactsLoader(vault.db);
  const store = createReminderStore(vault.db);
  store.sync(planReminders(loadFacts(), DEFAULT_PLAYBOOK, now, ZONE), NOW);
  const openings = vault.db.prepare<[], { id: string }>("SELECT id FROM openings WHERE stage = 'interviewing' AND deleted_at IS NULL").all();
  const touch = vault.db.prepare("UPDATE openings SET stage = ?, stage_changed_at = ? WHERE id = ?");

  const rows: Record<'facts' | 'plan' | 'sync' | 'agenda' | 'total', number[]> = { facts: [], plan: [], sync: [], agenda: [], total: [] };
  let items = 0;
  let shown = 0;
  for (let run = 0; run < runs; run++) {
    const opening = openings[run % openings.length]!;
    touch.run(run % 2 === 0 ? 'offer' : 'interviewing', new Date(now.getTime() - run * 60_000).toISOString(), opening.id);
    const [facts, factsMs] = time(loadFacts);
    const [plan, planMs] = time(() => planReminders(facts, DEFAULT_PLAYBOOK, now, ZONE));
    const [, syncMs] = time(() => store.sync(plan, NOW));
    const [agenda, agendaMs] = time(() => {
      const horizon = agendaHorizon(now, ZONE).toISOString();
      return buildAgenda(store.open(NOW, horizon, AGENDA_LIMIT), now, ZONE, store.countOpen(NOW, horizon));
    });
    items = plan.length;
    shown = agenda.overdue.length + agenda.today.length + agenda.week.length;
    rows.facts.push(factsMs);
    rows.plan.push(planMs);
    rows.sync.push(syncMs);
    rows.agenda.push(agendaMs);
    rows.total.push(factsMs + planMs + syncMs + agendaMs);
  }
  console.log(`${items} planned items, ${shown} on the agenda; median of ${runs} runs:`);
  console.table(Object.fromEntries(Object.entries(rows).map(([stage, values]) => [stage, { 'median ms': Number(median(values).toFixed(2)), 'min ms': Number(Math.min(...values).toFixed(2)) }])));
} finally {
  vault.cleanup();
}
