import type { ReminderKind } from '#shared/domain/playbook';

/** What kind of thing is due, in two or three words. */
export const KIND_LABELS: Record<ReminderKind, string> = {
  thank_you: 'Thank-you note',
  debrief: 'Debrief',
  follow_up: 'Follow-up',
  move_on: 'Move on?',
  revisit: 'Look back',
  stay_in_touch: 'Stay in touch',
  reference_brief: 'Reference brief',
  references_low: 'References',
  reference_thanks: 'Thank a reference',
  linkedin_connect: 'LinkedIn',
  letter_mail: 'Post the letter',
  rejection_thank_you: 'Reply to a rejection',
};

/** The one thing to do about it; the link opens the place where it is done. */
export const ACTION_LABELS: Record<ReminderKind, string> = {
  thank_you: 'Write the note',
  rejection_thank_you: 'Write the reply',
  debrief: 'Fill in the debrief',
  follow_up: 'Log the follow-up',
  letter_mail: 'Open the letter',
  move_on: 'Open',
  revisit: 'Open',
  stay_in_touch: 'Open',
  reference_brief: 'Open',
  references_low: 'Open',
  reference_thanks: 'Open',
  linkedin_connect: 'Open',
};

/** Kinds drawn alike: writing, checking in with people, deciding, references. */
export const KIND_FAMILY: Record<ReminderKind, 'write' | 'people' | 'decide' | 'references'> = {
  thank_you: 'write',
  rejection_thank_you: 'write',
  letter_mail: 'write',
  debrief: 'write',
  follow_up: 'people',
  stay_in_touch: 'people',
  linkedin_connect: 'people',
  move_on: 'decide',
  revisit: 'decide',
  reference_brief: 'references',
  references_low: 'references',
  reference_thanks: 'references',
};
