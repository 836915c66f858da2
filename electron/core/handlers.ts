import type { Channel, ChannelOutput, Contract } from '../../shared/ipc/contract';
import type { z } from 'zod';
import type { Vault } from './vault/connection';
import { createCompaniesRepository } from './vault/repositories/companies';
import { createOpeningsRepository } from './vault/repositories/openings';

export interface CoreContext {
  vault: Vault;
  appVersion: string;
  /** Injected so tests control time. */
  now: () => Date;
}

/** The parsed input a handler receives: the schema's output, defaults applied. */
type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Implements every contract channel on the vault. */
export function createHandlers(context: CoreContext): Handlers {
  const { vault } = context;
  const companies = createCompaniesRepository(vault.db);
  const openings = createOpeningsRepository(vault.db, companies);
  const nowIso = () => context.now().toISOString();

  return {
    'app.info': () => ({ version: context.appVersion, vaultPath: vault.path, schemaVersion: vault.schemaVersion }),
    'openings.list': () => openings.list(),
    'openings.create': (input) => openings.create(input, nowIso()),
    'companies.list': () => companies.list(),
  };
}
