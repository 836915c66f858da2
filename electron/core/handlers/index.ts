import { createServices, type CoreContext } from '../services';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { captureHandlers } from './capture';
import { companyHandlers } from './companies';
import { contactHandlers } from './contacts';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { insightHandlers } from './insights';
import { csvImportHandlers } from './csv-import';
import { interviewHandlers } from './interviews';
import { letterHandlers } from './letters';
import { noteHandlers } from './notes';
import { openingHandlers } from './openings';
import { outcomeHandlers } from './outcomes';
import { referenceHandlers } from './references';
import { templateHandlers } from './templates';
import { reminderHandlers } from './reminders';
import { sampleHandlers } from './sample';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { shellHandlers } from './shell';
import { touchpointHandlers } from './touchpoints';
import { trashHandlers } from './trash';
import type { Handlers } from './types';

export type { CoreContext } from '../services';
export type { Handlers } from './types';

/** Implements every contract channel on the vault; one module per feature. */
export function createHandlers(context: CoreContext): Handlers {
  const services = createServices(context);
  const handlers = {
    ...appHandlers(services),
    ...backupHandlers(services),
    ...openingHandlers(services),
    ...companyHandlers(services),
    ...contactHandlers(services),
    ...interviewHandlers(services),
    ...noteHandlers(services),
    ...trashHandlers(services),
    ...letterHandlers(services),
    ...referenceHandlers(services),
    ...templateHandlers(services),
    ...outcomeHandlers(services),
    ...reminderHandlers(services),
    ...settingsHandlers(services),
    ...searchHandlers(services),
    ...touchpointHandlers(services),
    ...exportHandlers(services),
    ...importHandlers(services),
    ...insightHandlers(services),
    ...csvImportHandlers(services),
    ...shellHandlers(services),
    ...captureHandlers(services),
  };
  return { ...handlers, ...sampleHandlers(services, handlers) };
}
