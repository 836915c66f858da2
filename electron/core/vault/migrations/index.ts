import { m0001CompaniesOpenings } from './0001_companies_openings';
import { m0002Vault } from './0002_vault';
import { m0003RemindersSettings } from './0003_reminders_settings';
import { m0004LettersTouchpoints } from './0004_letters_touchpoints';
import { m0005Search } from './0005_search';
import { m0006References } from './0006_references';
import { m0007ReadIndexes } from './0007_read_indexes';
import { m0008SampleRows } from './0008_sample_rows';
import { m0009RemindersByOpening } from './0009_reminders_by_opening';
import { m0010LettersByContact } from './0010_letters_by_contact';
import { m0011SampleLoadedAt } from './0011_sample_loaded_at';
import { m0012CardsTrash } from './0012_cards_trash';
import { m0013Capture } from './0013_capture';
import { m0014SearchEverything } from './0014_search_everything';
import { m0015OpeningPosting } from './0015_opening_posting';
import { m0016TouchpointTitles } from './0016_touchpoint_titles';
import type { Migration } from './migration';

export type { Migration };

/** Every migration, in the order it must run. Append only; never edit one that shipped. */
export const MIGRATIONS: readonly Migration[] = [m0001CompaniesOpenings, m0002Vault, m0003RemindersSettings, m0004LettersTouchpoints, m0005Search, m0006References, m0007ReadIndexes, m0008SampleRows, m0009RemindersByOpening, m0010LettersByContact, m0011SampleLoadedAt, m0012CardsTrash, m0013Capture, m0014SearchEverything, m0015OpeningPosting, m0016TouchpointTitles];
