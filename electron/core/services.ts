import type { Vault } from './vault/connection';
import { createCompaniesRepository } from './vault/repositories/companies';
import { createOpeningsRepository } from './vault/repositories/openings';

export interface CoreContext {
  vault: Vault;
  appVersion: string;
  /** Injected so tests control time. */
  now: () => Date;
}

/** The repositories over one vault, built once and shared by every handler module. */
export function createServices(context: CoreContext) {
  const db = context.vault.db;
  const companies = createCompaniesRepository(db);
  const openings = createOpeningsRepository(db, companies);
  return {
    ...context,
    nowIso: () => context.now().toISOString(),
    companies,
    openings,
  };
}
export type Services = ReturnType<typeof createServices>;
