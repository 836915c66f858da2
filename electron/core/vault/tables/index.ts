import type { FrontMatterFormat } from './formats';
import type { AnyTable } from './table';
import { companiesTable, companyMarkdown } from './companies';
import { cardsTable, contactMarkdown, contactsTable } from './contacts';
import { interviewMarkdown, interviewsTable, interviewTeamTable } from './interviews';
import { inviteOffersTable } from './invite-offers';
import { letterMarkdown, letterTemplatesTable, lettersTable } from './letters';
import { noteMarkdown, notesTable } from './notes';
import { openingFormats, openingsTable } from './openings';
import { briefMarkdown, openingReferencesTable, referencesTable } from './references';
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

/** Each table the whole-vault export writes as Markdown, with its front matter; a test holds every format to its table. */
export const FRONT_MATTER: readonly (readonly [AnyTable, FrontMatterFormat<AnyTable, string>])[] = [
  [openingsTable, openingFormats.frontMatter],
  [companiesTable, companyMarkdown.frontMatter],
  [contactsTable, contactMarkdown.frontMatter],
  [interviewsTable, interviewMarkdown.frontMatter],
  [lettersTable, letterMarkdown.frontMatter],
  [notesTable, noteMarkdown.frontMatter],
  [openingReferencesTable, briefMarkdown.frontMatter],
];
