import { createReminderService, type ReminderService } from './reminders/service';
import { createAttachmentStore } from './vault/attachments';
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
  /** The shells pass the running one (timers, notifications); otherwise a quiet one that plans on demand. */
  reminders?: ReminderService;
}

/** The repositories over one vault, built once and shared by every handler module. */
export function createServices(context: CoreContext) {
  const db = context.vault.db;
  const attachments = createAttachmentStore(context.vault.attachmentsDir);
  const companies = createCompaniesRepository(db);
  const openings = createOpeningsRepository(db, companies);
  const contacts = createContactsRepository(db, companies);
  const reminders = context.reminders ?? createReminderService({ db, now: context.now });
  return {
    ...context,
    nowIso: () => context.now().toISOString(),
    companies,
    openings,
    contacts,
    interviews: createInterviewsRepository(db, openings, contacts),
    notes: createNotesRepository(db),
    research: createResearchRepository(db, companies),
    cards: createCardsRepository(db, attachments),
    trash: createTrashRepository(db, attachments),
    reminders,
    settings: reminders.settings,
  };
}
export type Services = ReturnType<typeof createServices>;
