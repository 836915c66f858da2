import { MIN_PASSPHRASE_LENGTH } from '#shared/domain/encryption';
import type { FieldErrors } from '#renderer/ui/forms';

/** The hint under every "new passphrase" field. */
export const NEW_PASSPHRASE_HINT = `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`;

/**
 * What is wrong with a new passphrase typed twice, before it is sent: the
 * core's own rule for its length (it checks again), and the two typings the
 * same. Keyed `next` and `again`, the fields of every form that sets one.
 */
export function newPassphraseProblems(next: string, again: string): FieldErrors {
  if ([...next].length < MIN_PASSPHRASE_LENGTH) return { next: `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.` };
  if (next !== again) return { again: 'The two passphrases are not the same. Type it again.' };
  return {};
}
