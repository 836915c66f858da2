import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../fixtures/capture');

/** A capture fixture's bytes, as the mail or calendar program wrote them. */
export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

export const SAM = 'sam.candidate@example.org';
/** "Now" for the tests: between the fixtures' invitations. */
export const NOW = new Date('2026-03-05T12:00:00Z');
