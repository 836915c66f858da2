import type { AnyTable } from './table';
import { companiesTable } from './companies';
import { cardsTable, contactsTable } from './contacts';
import { interviewsTable, interviewTeamTable } from './interviews';
import { inviteOffersTable } from './invite-offers';
import { letterTemplatesTable, lettersTable } from './letters';
import { notesTable } from './notes';
import { openingsTable } from './openings';
import { openingReferencesTable, referencesTable } from './references';
import { remindersTable } from './reminders';
import { researchTable } from './research';
import { sampleRowsTable } from './sample-rows';
import { settingsTable } from './settings';
import { touchpointsTable } from './touchpoints';

/** Every table of the user's data, declared once; a test holds them to the migrated schema. */
export const TABLES: readonly AnyTable[] = [
  companiesTable,
  openingsTable,
  contactsTable,
  cardsTable,
  interviewsTable,
  interviewTeamTable,
  inviteOffersTable,
  notesTable,
  researchTable,
  lettersTable,
  letterTemplatesTable,
  touchpointsTable,
  referencesTable,
  openingReferencesTable,
  remindersTable,
  settingsTable,
  sampleRowsTable,
];
