import { createAttachmentStore } from './vault/attachments';
import { createBackups } from './backup/backups';
import type { Vault } from './vault/connection';
import { createCardsRepository } from './vault/repositories/cards';
import { createCompaniesRepository } from './vault/repositories/companies';
import { createContactsRepository } from './vault/repositories/contacts';
import { createInterviewsRepository } from './vault/repositories/interviews';
import { createNotesRepository } from './vault/repositories/notes';
import { createOpeningsRepository } from './vault/repositories/openings';
import { createResearchRepository } from './vault/repositories/research';
import { createTrashRepository } from './vault/repositories/trash';

export interface CoreContext {
  vault: Vault;
  appVersion: string;
  /** Injected so tests control time. */
  now: () => Date;
}

/** The repositories over one vault, built once and shared by every handler module. */
export function createServices(context: CoreContext) {
  const db = context.vault.db;
  const attachments = createAttachmentStore(context.vault.attachmentsDir);
  attachments.removeLeftovers();
  const backups = createBackups(context.vault.path, db);
  const companies = createCompaniesRepository(db);
  const openings = createOpeningsRepository(db, companies);
  const contacts = createContactsRepository(db, companies);
  return {
    ...context,
    nowIso: () => context.now().toISOString(),
    backups,
    companies,
    openings,
    contacts,
    interviews: createInterviewsRepository(db, openings, contacts),
    notes: createNotesRepository(db),
    research: createResearchRepository(db, companies),
    cards: createCardsRepository(db, attachments),
    trash: createTrashRepository(db, attachments),
  };
}
export type Services = ReturnType<typeof createServices>;
