import type { Migration } from './migration';

/**
 * A letter names a person of its opening (see people-of-openings.ts). The
 * reminders ask, for the people of each slice of openings, which other
 * openings they belong to; without this index every slice would read every
 * letter.
 */
export const m0010LettersByContact: Migration = {
  id: '0010_letters_by_contact',
  up(db) {
    db.exec('CREATE INDEX letters_contact ON letters(contact_id) WHERE contact_id IS NOT NULL');
  },
};
