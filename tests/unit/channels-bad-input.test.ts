import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '#shared/ipc/contract';
import { noInput } from '#shared/ipc/no-input';
import { DEFAULT_SETTINGS } from '#shared/domain/settings';
import { coreHarness, IMAGES, type CoreHarness } from '#support/core-harness';

/**
 * Every channel, fed malformed, oversized and hostile input, must answer with a
 * readable error and change nothing: no row, no file, no prototype.
 */

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const TRAVERSAL = '../../etc/passwd';
const FIFTY_MB = 'x'.repeat(50 * 1024 * 1024);
const slot = { startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', format: 'video' };

let core: CoreHarness;
let seed: Awaited<ReturnType<typeof seedVault>>;

async function seedVault() {
  const opening = await core.call('openings.create', { companyName: 'Acme', role: 'Engineer', salaryMin: 80_000 });
  await core.call('openings.create', { companyName: 'Globex', role: 'Designer' });
  const interview = await core.call('interviews.create', { openingId: opening.id, ...slot, format: 'video', team: [{ name: 'Ivan' }] });
  const member = (await core.call('interviews.get', { id: interview.id })).team[0]!;
  const deletedInterview = await core.call('interviews.create', { openingId: opening.id, ...slot, format: 'video' });
  await core.call('interviews.delete', { id: deletedInterview.id });

  const trashedOpening = await core.call('openings.create', { companyName: 'Initech', role: 'Gone' });
  const interviewOfTrashed = await core.call('interviews.create', { openingId: trashedOpening.id, ...slot, format: 'phone', team: [{ name: 'Hidden Hana' }] });
  const [letterOfHidden] = await core.call('letters.list', { interviewId: interviewOfTrashed.id });
  const noteOfHiddenInterview = await core.call('notes.create', { parentType: 'interview', parentId: interviewOfTrashed.id });
  await core.call('notes.delete', { id: noteOfHiddenInterview.id });
  await core.call('openings.delete', { id: trashedOpening.id });

  const contact = await core.call('contacts.create', { name: 'Carla', companyName: 'Acme' });
  const card = await core.call('cards.add', { contactId: contact.id, fileName: 'carla.png', mimeType: 'image/png', dataBase64: IMAGES.png });
  const trashedContact = await core.call('contacts.create', { name: 'Tom' });
  const cardOfTrashed = await core.call('cards.add', { contactId: trashedContact.id, fileName: 'tom.jpg', mimeType: 'image/jpeg', dataBase64: IMAGES.jpeg });
  await core.call('contacts.delete', { id: trashedContact.id });

  const research = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-01', title: 'Report' });
  const trashedResearch = await core.call('research.add', { companyId: opening.companyId, occurredOn: '2026-02-02', title: 'Old' });
  await core.call('research.delete', { id: trashedResearch.id });

  const [letter] = await core.call('letters.list', { interviewId: interview.id });
  const secondRound = await core.call('interviews.create', { openingId: opening.id, ...slot, format: 'onsite', team: [{ name: 'Sasha' }, { name: 'Tina' }] });
  const [sentLetter, trashedLetter] = await core.call('letters.list', { interviewId: secondRound.id });
  await core.call('letters.markSent', { id: sentLetter!.id, channel: 'email' });
  await core.call('letters.delete', { id: trashedLetter!.id });
  const builtInTemplate = (await core.call('templates.list', undefined)).find((template) => template.builtIn && template.kind === 'thank_you')!;
  const template = await core.call('templates.save', { kind: 'rejection', name: 'Mine', doc: { type: 'doc', content: [] } });

  const note = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Notes' });
  const trashedNote = await core.call('notes.create', { parentType: 'opening', parentId: opening.id, title: 'Gone' });
  await core.call('notes.delete', { id: trashedNote.id });

  const reference = await core.call('references.create', { name: 'Rita Reyes', permission: 'granted', email: 'rita@example.com' });
  await core.call('references.attach', { openingId: opening.id, referenceId: reference.id });
  const trashedReference = await core.call('references.create', { name: 'Gone Gail' });
  await core.call('references.delete', { id: trashedReference.id });

  // Writes the plan down now, so the cases below start from a settled vault.
  const agenda = await core.call('reminders.agenda', undefined);
  const reminderKey = [...agenda.overdue, ...agenda.today, ...agenda.week].find((item) => item.target.id === interview.id)!.key;

  return {
    reminderKey, opening, interview, member, deletedInterview, trashedOpening, interviewOfTrashed, noteOfHiddenInterview, contact, card, trashedContact, cardOfTrashed,
    research, trashedResearch, note, trashedNote, reference, trashedReference,
    letter: letter!, sentLetter: sentLetter!, trashedLetter: trashedLetter!, letterOfHidden: letterOfHidden!, builtInTemplate, template,
  };
}

/** A document nested deeper than any editor produces, built without recursion. */
function deeplyNestedDoc(levels: number) {
  const doc: { type: string; content?: unknown[] } = { type: 'doc' };
  let node = doc;
  for (let level = 0; level < levels; level++) {
    const child = { type: 'blockquote' };
    node.content = [child];
    node = child;
  }
  return doc;
}

const debrief = (interviewId: string) => ({
  interviewId,
  nextStepClear: false,
  nextStep: '',
  notifyBy: null,
  fillBy: null,
  cardsCollected: false,
  impressions: '',
  concerns: '',
  questions: '',
  learned: '',
  team: [],
});

type Case = [label: string, input: unknown];

/** Typed over every channel, so a new channel without cases does not compile. */
const hostileCases: { [C in Channel]: () => Case[] } = {
  'app.info': () => [],
  'vault.lockStatus': () => [],
  'vault.lock': () => [],
  'vault.unlock': () => [
    ['an empty passphrase', { secret: '' }],
    ['a number', { secret: 1234 }],
    ['an unknown kind', { secret: 'correct horse', kind: 'fingerprint' }],
  ],
  'vault.setNewPassphrase': () => [
    ['no passphrase', {}],
    ['an oversized passphrase', { next: 'x'.repeat(10_000) }],
    ['a passphrase without the recovery key first', { next: 'a brand new passphrase' }],
  ],
  'vault.setLockPolicy': () => [
    ['no idle time', { idleMinutes: 0, onSleep: true }],
    ['a negative idle time', { idleMinutes: -5, onSleep: true }],
    ['a missing onSleep', { idleMinutes: 5 }],
  ],
  'encryption.turnOn': () => [
    ['an unknown method', { method: 'rot13' }],
    ['a passphrase with the keychain', { method: 'keychain', passphrase: 'correct horse' }],
    ['no passphrase', { method: 'passphrase' }],
  ],
  'encryption.turnOff': () => [['a number', { current: 42 }]],
  'encryption.changePassphrase': () => [
    ['no new passphrase', { current: 'correct horse' }],
    ['an oversized passphrase', { current: 'a', next: 'x'.repeat(10_000) }],
  ],
  'openings.list': () => [],
  'openings.get': () => [
    ['a path as id', { id: TRAVERSAL }],
    ['an unknown id', { id: UNKNOWN }],
    ['an opening in the trash', { id: seed.trashedOpening.id }],
    ['a number as id', { id: 42 }],
  ],
  'openings.create': () => [
    ['a missing role', { companyName: 'Acme' }],
    ['a javascript: job link', { companyName: 'Acme', role: 'Dev', jobUrl: 'javascript:alert(1)' }],
    ['a file: job link', { companyName: 'Acme', role: 'Dev', jobUrl: 'file:///etc/passwd' }],
    ['control characters', { companyName: 'Ac\u0000me', role: 'Dev\u001b[31m' }],
    ['reversed salaries', { companyName: 'Acme', role: 'Dev', salaryMin: 10, salaryMax: 5 }],
    ['an impossible date', { companyName: 'Acme', role: 'Dev', appliedOn: '2026-02-31' }],
    ['an unknown stage', { companyName: 'Acme', role: 'Dev', stage: 'hired' }],
    ['a chosen id', { companyName: 'Acme', role: 'Dev', id: UNKNOWN }],
  ],
  'openings.update': () => [
    ['an unknown id', { id: UNKNOWN, role: 'X' }],
    ['a path as id', { id: TRAVERSAL, role: 'X' }],
    ['an opening in the trash', { id: seed.trashedOpening.id, role: 'X' }],
    ['a maximum below the stored minimum', { id: seed.opening.id, salaryMax: 1 }],
    ['an empty company', { id: seed.opening.id, companyName: '  ' }],
    ['a javascript: job link', { id: seed.opening.id, jobUrl: 'javascript:alert(1)' }],
    ['an unknown channel', { id: seed.opening.id, followUpChannel: 'pigeon' }],
    ['a plain move into an outcome, which only recordOutcome makes', { id: seed.opening.id, stage: 'rejected', role: 'X' }],
  ],
  'openings.posting.save': () => [
    ['an unknown id', { id: UNKNOWN, text: 'Senior analyst' }],
    ['an opening in the trash', { id: seed.trashedOpening.id, text: 'Senior analyst' }],
    ['a posting longer than any real one', { id: seed.opening.id, text: 'x'.repeat(60_001) }],
    ['control characters', { id: seed.opening.id, text: 'Role\u0000description' }],
    ['fifty megabytes', { id: seed.opening.id, text: FIFTY_MB }],
  ],
  'openings.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['an opening already in the trash', { id: seed.trashedOpening.id }],
  ],
  'openings.prepSheet.export': () => [
    ['an unknown id', { id: UNKNOWN, format: 'markdown' }],
    ['a path as id', { id: TRAVERSAL, format: 'docx' }],
    ['an opening in the trash', { id: seed.trashedOpening.id, format: 'html' }],
    ['an unknown format', { id: seed.opening.id, format: 'exe' }],
    ['a format in capitals', { id: seed.opening.id, format: 'PDF' }],
    ['no format', { id: seed.opening.id }],
    ['a PDF when nothing can print', { id: seed.opening.id, format: 'pdf' }],
  ],
  'companies.list': () => [],
  'companies.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
  ],
  'companies.update': () => [
    ['an unknown id', { id: UNKNOWN, name: 'X' }],
    ['another company’s name', { id: seed.opening.companyId, name: 'GLOBEX' }],
    ['a javascript: website', { id: seed.opening.companyId, website: 'javascript:alert(1)' }],
    ['a control character in the name', { id: seed.opening.companyId, name: 'Acme\u0007' }],
  ],
  'research.add': () => [
    ['an unknown company', { companyId: UNKNOWN, occurredOn: '2026-02-01', title: 'X' }],
    ['a javascript: source', { companyId: seed.opening.companyId, occurredOn: '2026-02-01', title: 'X', sourceUrl: 'javascript:alert(1)' }],
    ['a date that is not a date', { companyId: seed.opening.companyId, occurredOn: 'yesterday', title: 'X' }],
    ['an oversized summary', { companyId: seed.opening.companyId, occurredOn: '2026-02-01', title: 'X', summary: 's'.repeat(20_001) }],
  ],
  'research.update': () => [
    ['an unknown id', { id: UNKNOWN, title: 'X' }],
    ['an entry in the trash', { id: seed.trashedResearch.id, title: 'X' }],
    ['a javascript: source', { id: seed.research.id, sourceUrl: 'javascript:alert(1)' }],
  ],
  'research.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['an entry already in the trash', { id: seed.trashedResearch.id }],
  ],
  'contacts.list': () => [],
  'contacts.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['a contact in the trash', { id: seed.trashedContact.id }],
  ],
  'contacts.create': () => [
    ['a missing name', { email: 'a@example.com' }],
    ['an e-mail with a header injection', { name: 'Eve', email: 'eve@example.com\r\nBcc: all@example.com' }],
    ['a javascript: profile', { name: 'Eve', linkedinUrl: 'javascript:alert(1)' }],
    ['an unknown channel', { name: 'Eve', preferredChannel: 'pigeon' }],
    ['letters as a phone number', { name: 'Eve', phone: 'call me' }],
  ],
  'contacts.update': () => [
    ['an unknown id', { id: UNKNOWN, name: 'X' }],
    ['a contact in the trash', { id: seed.trashedContact.id, name: 'X' }],
    ['an invalid e-mail', { id: seed.contact.id, email: 'not-an-email' }],
  ],
  'contacts.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a contact already in the trash', { id: seed.trashedContact.id }],
  ],
  'cards.add': () => [
    ['a path as file name for an unknown contact', { contactId: UNKNOWN, fileName: TRAVERSAL, mimeType: 'image/png', dataBase64: IMAGES.png }],
    ['a contact in the trash', { contactId: seed.trashedContact.id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.png }],
    ['an SVG', { contactId: seed.contact.id, fileName: 'x.svg', mimeType: 'image/svg+xml', dataBase64: Buffer.from('<svg onload="alert(1)"/>').toString('base64') }],
    ['a script disguised as a PNG', { contactId: seed.contact.id, fileName: 'x.png', mimeType: 'image/png', dataBase64: IMAGES.notAnImage }],
    ['data that is not base64', { contactId: seed.contact.id, fileName: 'x.png', mimeType: 'image/png', dataBase64: '<script>alert(1)</script>' }],
    ['a control character in the file name', { contactId: seed.contact.id, fileName: 'x\u0000.png', mimeType: 'image/png', dataBase64: IMAGES.png }],
    ['an image over 5 MB', { contactId: seed.contact.id, fileName: 'x.png', mimeType: 'image/png', dataBase64: 'A'.repeat(7_000_000) }],
  ],
  'cards.read': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['a card of a contact in the trash', { id: seed.cardOfTrashed.id }],
  ],
  'cards.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: '..\\..\\vault.afterview.sqlite' }],
    ['a card of a contact in the trash', { id: seed.cardOfTrashed.id }],
  ],
  'interviews.create': () => [
    ['an unknown opening', { openingId: UNKNOWN, ...slot }],
    ['an opening in the trash', { openingId: seed.trashedOpening.id, ...slot }],
    ['an end before the start', { openingId: seed.opening.id, ...slot, endsAt: '2026-03-03T08:00:00.000Z' }],
    ['a 13-hour interview', { openingId: seed.opening.id, ...slot, endsAt: '2026-03-03T22:00:00.000Z' }],
    ['an unknown time zone', { openingId: seed.opening.id, ...slot, timeZone: 'Mars/Olympus_Mons' }],
    ['a javascript: meeting link', { openingId: seed.opening.id, ...slot, meetingUrl: 'javascript:alert(1)' }],
    ['an unknown team member', { openingId: seed.opening.id, ...slot, team: [{ name: 'New Person' }, { contactId: UNKNOWN }] }],
    ['a team member in the trash', { openingId: seed.opening.id, ...slot, team: [{ contactId: seed.trashedContact.id }] }],
    ['a team of 21', { openingId: seed.opening.id, ...slot, team: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}` })) }],
    ['a team entry that is both', { openingId: seed.opening.id, ...slot, team: [{ contactId: seed.contact.id, name: 'Both' }] }],
    ['round zero', { openingId: seed.opening.id, ...slot, round: 0 }],
  ],
  'interviews.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['an interview in the trash', { id: seed.deletedInterview.id }],
    ['an interview of an opening in the trash', { id: seed.interviewOfTrashed.id }],
  ],
  'interviews.update': () => [
    ['an unknown id', { id: UNKNOWN, title: 'X' }],
    ['an end before the stored start', { id: seed.interview.id, endsAt: '2026-03-03T08:00:00.000Z' }],
    ['an unknown team member', { id: seed.interview.id, title: 'Changed', team: [{ contactId: UNKNOWN }] }],
    ['a javascript: meeting link', { id: seed.interview.id, meetingUrl: 'javascript:alert(1)' }],
    ['an interview of an opening in the trash', { id: seed.interviewOfTrashed.id, title: 'X' }],
  ],
  'interviews.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['an interview already in the trash', { id: seed.deletedInterview.id }],
  ],
  'interviews.saveDebrief': () => [
    ['an unknown interview', debrief(UNKNOWN)],
    ['someone not on the team', { ...debrief(seed.interview.id), impressions: 'x', team: [{ contactId: seed.contact.id, preferredChannel: 'email', cardCollected: true }] }],
    ['an unknown person', { ...debrief(seed.interview.id), team: [{ contactId: UNKNOWN, preferredChannel: null, cardCollected: false }] }],
    ['a control character', { ...debrief(seed.interview.id), nextStep: 'call\u0000back' }],
    ['an impossible date', { ...debrief(seed.interview.id), notifyBy: '2026-02-30' }],
    ['a missing field', { interviewId: seed.interview.id, nextStepClear: true }],
    ['oversized impressions', { ...debrief(seed.interview.id), impressions: 'i'.repeat(20_001) }],
  ],
  'notes.create': () => [
    ['an unknown parent type', { parentType: 'research', parentId: seed.research.id }],
    ['an unknown parent', { parentType: 'opening', parentId: UNKNOWN }],
    ['a path as parent', { parentType: 'contact', parentId: TRAVERSAL }],
    ['a parent in the trash', { parentType: 'contact', parentId: seed.trashedContact.id }],
    ['a parent hidden with its opening', { parentType: 'interview', parentId: seed.interviewOfTrashed.id }],
    ['a company id given as an opening', { parentType: 'opening', parentId: seed.opening.companyId }],
  ],
  'notes.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a note in the trash', { id: seed.trashedNote.id }],
    ['a note hidden with its opening', { id: seed.noteOfHiddenInterview.id }],
  ],
  'notes.save': () => [
    ['an unknown id', { id: UNKNOWN, title: 'X', doc: { type: 'doc' } }],
    ['a 10,000-level document', { id: seed.note.id, title: 'X', doc: deeplyNestedDoc(10_000) }],
    ['a paragraph instead of a document', { id: seed.note.id, title: 'X', doc: { type: 'paragraph' } }],
    ['no document', { id: seed.note.id, title: 'X', doc: null }],
    ['content that is a number', { id: seed.note.id, title: 'X', doc: { type: 'doc', content: 5 } }],
    ['content with a null node', { id: seed.note.id, title: 'X', doc: { type: 'doc', content: [null] } }],
    ['a script tag as node type', { id: seed.note.id, title: 'X', doc: { type: 'doc', content: [{ type: '<script>'.repeat(20) }] } }],
    ['a __proto__ attribute on an unknown note', { id: UNKNOWN, title: 'X', doc: JSON.parse('{"type":"doc","attrs":{"__proto__":{"polluted":true}}}') }],
    ['a javascript: link on a note in the trash', { id: seed.trashedNote.id, title: 'X', doc: { type: 'doc', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] } }],
    ['a document over 4,000,000 characters', { id: seed.note.id, title: 'X', doc: { type: 'doc', content: [{ type: 'text', text: 't'.repeat(4_000_001) }] } }],
  ],
  'notes.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a note already in the trash', { id: seed.trashedNote.id }],
  ],
  'notes.export': () => [
    ['an unknown id', { id: UNKNOWN, format: 'markdown' }],
    ['a note in the trash', { id: seed.trashedNote.id, format: 'html' }],
    ['a note hidden with its interview', { id: seed.noteOfHiddenInterview.id, format: 'docx' }],
    ['an unknown format', { id: seed.note.id, format: 'rtf' }],
    ['a format that is not text', { id: seed.note.id, format: ['pdf'] }],
    ['a PDF when nothing can print', { id: seed.note.id, format: 'pdf' }],
  ],
  'trash.list': () => [],
  'trash.restore': () => [
    ['a kind the trash does not hold', { kind: 'company', id: seed.opening.companyId }],
    ['an unknown id', { kind: 'opening', id: UNKNOWN }],
    ['a path as id', { kind: 'note', id: TRAVERSAL }],
    ['something not in the trash', { kind: 'opening', id: seed.opening.id }],
    ['the wrong kind for the id', { kind: 'contact', id: seed.trashedOpening.id }],
    ['a child whose parent is in the trash', { kind: 'note', id: seed.noteOfHiddenInterview.id }],
  ],
  'trash.empty': () => [],
  'search.query': () => [
    ['no text', {}],
    ['a number as text', { text: 5 }],
    ['text over 200 characters', { text: 'a'.repeat(201) }],
    ['50 MB of text', { text: FIFTY_MB }],
    ['a limit of 0', { text: 'acme', limit: 0 }],
    ['a limit over 50', { text: 'acme', limit: 51 }],
    ['a fractional limit', { text: 'acme', limit: 2.5 }],
    ['an unknown field', { text: 'acme', sql: 'DROP TABLE notes' }],
  ],
  'exports.pipelineCsv': () => [['an unexpected field', { format: 'xlsx' }]],
  'exports.interviewsIcs': () => [['an unexpected field', { from: '2026-01-01' }]],
  'exports.vaultToFolder': () => [
    ['no job id', {}],
    ['a path as job id', { jobId: TRAVERSAL }],
    ['a chosen folder', { jobId: UNKNOWN, folder: '/etc' }],
    ['a job when nothing can pick a folder', { jobId: UNKNOWN }],
  ],
  'exports.vaultToZip': () => [
    ['no protection', { jobId: UNKNOWN }],
    ['an unknown protection', { jobId: UNKNOWN, protection: { kind: 'zipcrypto', passphrase: 'secret words' } }],
    ['an empty passphrase', { jobId: UNKNOWN, protection: { kind: 'newPassphrase', passphrase: '' } }],
    ['a passphrase of 50 MB', { jobId: UNKNOWN, protection: { kind: 'newPassphrase', passphrase: FIFTY_MB } }],
    ['a chosen file', { jobId: UNKNOWN, protection: { kind: 'none' }, file: '/etc/passwd' }],
    ['a job when nothing can pick a file', { jobId: UNKNOWN, protection: { kind: 'none' } }],
  ],
  'exports.checkZipProtection': () => [
    ['no protection', {}],
    ['a passphrase too short', { protection: { kind: 'newPassphrase', passphrase: 'short' } }],
    ['the vault’s passphrase for a vault without one', { protection: { kind: 'vaultPassphrase', passphrase: 'anything at all' } }],
    ['a number as passphrase', { protection: { kind: 'newPassphrase', passphrase: 12345678 } }],
  ],
  'exports.vaultCancel': () => [
    ['a path as job id', { jobId: TRAVERSAL }],
    ['a number as job id', { jobId: 5 }],
  ],
  'imports.pick': () => [
    ['no job id', { source: 'zip' }],
    ['a path as job id', { jobId: TRAVERSAL, source: 'zip' }],
    ['a path as the source', { jobId: UNKNOWN, source: '/etc/passwd' }],
    ['a job when nothing can open a dialog', { jobId: UNKNOWN, source: 'folder' }],
  ],
  'imports.unlock': () => [
    ['no passphrase', { jobId: UNKNOWN, sourceId: UNKNOWN }],
    ['an empty passphrase', { jobId: UNKNOWN, sourceId: UNKNOWN, passphrase: '' }],
    ['a source never read', { jobId: UNKNOWN, sourceId: UNKNOWN, passphrase: 'some words' }],
    ['a path as source id', { jobId: UNKNOWN, sourceId: TRAVERSAL, passphrase: 'some words' }],
  ],
  'imports.run': () => [
    ['no import id', { jobId: UNKNOWN }],
    ['an import never read', { jobId: UNKNOWN, importId: UNKNOWN }],
    ['a path as import id', { jobId: UNKNOWN, importId: TRAVERSAL }],
  ],
  'imports.cancel': () => [
    ['a path as job id', { jobId: TRAVERSAL }],
    ['a number as job id', { jobId: 5 }],
  ],
  'imports.discard': () => [
    ['a path as import id', { importId: TRAVERSAL }],
    ['no import id', {}],
  ],
  'capture.readInvite': () => [
    ['no text', {}],
    ['empty text', { text: '' }],
    ['50 MB of text', { text: FIFTY_MB }],
    ['text that is not a calendar', { text: 'Hello, see you Tuesday' }],
    ['a calendar without events', { text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' }],
    ['a path instead of text', { path: '/etc/passwd' }],
  ],
  'capture.confirmInvite': () => [
    ['no invite key', { interview: { openingId: seed.opening.id, ...slot } }],
    ['an unknown opening', { invite: { uid: 'u1', sequence: 0 }, interview: { openingId: UNKNOWN, ...slot } }],
    ['an opening in the trash', { invite: { uid: 'u1', sequence: 0 }, interview: { openingId: seed.trashedOpening.id, ...slot } }],
    ['a negative sequence', { invite: { uid: 'u1', sequence: -1 }, interview: { openingId: seed.opening.id, ...slot } }],
    ['an empty uid', { invite: { uid: ' ', sequence: 0 }, interview: { openingId: seed.opening.id, ...slot } }],
    ['a javascript: meeting link', { invite: { uid: 'u1', sequence: 0 }, interview: { openingId: seed.opening.id, ...slot, meetingUrl: 'javascript:alert(1)' } }],
    ['an offer that was never made', { invite: { uid: 'u1', sequence: 0 }, interview: { openingId: seed.opening.id, ...slot }, offerId: UNKNOWN }],
  ],
  'capture.cancelInvite': () => [
    ['an invite never imported', { uid: 'never-imported', sequence: 1 }],
    ['no sequence', { uid: 'never-imported' }],
    ['a path as offer', { uid: 'x', sequence: 0, offerId: TRAVERSAL }],
  ],
  'capture.readEmail': () => [
    ['no file', {}],
    ['text that is not base64', { base64: '<script>alert(1)</script>' }],
    ['a picture', { base64: IMAGES.png }],
    ['50 MB', { base64: FIFTY_MB }],
    ['a path instead of a file', { path: '/etc/passwd' }],
  ],
  'capture.confirmEmail': () => [
    ['an unknown opening', { openingId: UNKNOWN, contact: null, direction: 'inbound', occurredAt: '2026-02-01T10:00:00Z', summary: 'Hi', messageId: 'a@b' }],
    ['an unknown contact', { openingId: seed.opening.id, contact: { contactId: UNKNOWN }, direction: 'inbound', occurredAt: '2026-02-01T10:00:00Z', summary: 'Hi', messageId: 'a@b' }],
    ['a new contact with no address', { openingId: seed.opening.id, contact: { name: 'X', email: 'not mail' }, direction: 'inbound', occurredAt: '2026-02-01T10:00:00Z', summary: 'Hi', messageId: 'a@b' }],
    ['a time in the future', { openingId: seed.opening.id, contact: null, direction: 'inbound', occurredAt: '2026-12-01T10:00:00Z', summary: 'Hi', messageId: 'a@b' }],
    ['an unknown direction', { openingId: seed.opening.id, contact: null, direction: 'sideways', occurredAt: '2026-02-01T10:00:00Z', summary: 'Hi', messageId: 'a@b' }],
    ['no message id', { openingId: seed.opening.id, contact: null, direction: 'inbound', occurredAt: '2026-02-01T10:00:00Z', summary: 'Hi' }],
  ],
  'capture.settings': () => [['an unexpected field', { all: true }]],
  'capture.saveOwnAddresses': () => [
    ['something that is not an address', { ownAddresses: ['not mail'] }],
    ['a string instead of a list', { ownAddresses: 'me@example.org' }],
    ['a thousand addresses', { ownAddresses: Array.from({ length: 1000 }, (_, index) => `me${index}@example.org`) }],
  ],
  'capture.offers': () => [['an unexpected field', { all: true }]],
  'capture.dismissOffer': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
  ],
  'mailbox.status': () => [['an unexpected field', { password: 'x' }]],
  'mailbox.connect': () => [
    ['no account', { password: 'secret' }],
    ['an unencrypted server elsewhere', { account: { host: 'imap.example.com', port: 143, security: 'none', user: 'me', since: '2026-01-01', allowUnencryptedOnThisComputer: true }, password: 'secret' }],
    ['a host that is not one', { account: { host: 'imap example com/../', port: 993, security: 'tls', user: 'me', since: '2026-01-01' }, password: 'secret' }],
    ['a port out of range', { account: { host: 'imap.example.com', port: 70_000, security: 'tls', user: 'me', since: '2026-01-01' }, password: 'secret' }],
    ['no password and none kept', { account: { host: 'imap.example.com', port: 993, security: 'tls', user: 'me', since: '2026-01-01' } }],
    ['an impossible date', { account: { host: 'imap.example.com', port: 993, security: 'tls', user: 'me', since: '2026-02-31' }, password: 'secret' }],
  ],
  'mailbox.sync': () => [['a sync with no mailbox connected', undefined]],
  'mailbox.pause': () => [['an unexpected field', { now: true }]],
  'mailbox.resume': () => [['an unexpected field', { now: true }]],
  'mailbox.forget': () => [['an unexpected field', { password: 'x' }]],
  'backups.list': () => [],
  'backups.create': () => [],
  'backups.restore': () => [
    ['a path out of the backups folder', { fileName: '../vault.afterview.sqlite' }],
    ['an absolute path', { fileName: '/etc/passwd' }],
    ['a name Afterview never gives', { fileName: 'evil.sqlite' }],
    ['a well-formed name of no backup', { fileName: 'afterview-20260101T000000Z-manual.sqlite' }],
    ['a well-formed name of no full backup', { fileName: 'afterview-20260101T000000Z-daily.afterview-backup' }],
    ['a name with a folder', { fileName: 'x/afterview-20260101T000000Z-daily.afterview-backup' }],
  ],
  'backups.pick': () => [
    ['the file dialog where there is none', { source: 'dialog' }],
    ['a source Afterview does not know', { source: 'disk' }],
    ['a path instead of an upload', { path: '/etc/passwd' }],
    ['a path as upload id', { uploadId: TRAVERSAL }],
    ['an upload that never arrived', { uploadId: UNKNOWN }],
    ['both sources at once', { source: 'dialog', uploadId: UNKNOWN }],
  ],
  'backups.restorePicked': () => [
    ['a path as id', { id: TRAVERSAL }],
    ['a file name as id', { id: 'afterview-20260101T000000Z-daily.afterview-backup' }],
    ['nothing picked with that id', { id: UNKNOWN }],
  ],
  'letters.list': () => [
    ['a path as opening id', { openingId: TRAVERSAL }],
    ['a number as interview id', { interviewId: 5 }],
    ['a filter Afterview does not know', { status: 'sent' }],
  ],
  'letters.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['a letter in the trash', { id: seed.trashedLetter.id }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id }],
  ],
  'letters.save': () => [
    ['an unknown id', { id: UNKNOWN, subject: 'X', doc: { type: 'doc' } }],
    ['a letter in the trash', { id: seed.trashedLetter.id, subject: 'X', doc: { type: 'doc' } }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id, subject: 'X', doc: { type: 'doc' } }],
    ['"sent" as a status', { id: seed.letter.id, subject: 'X', doc: { type: 'doc' }, status: 'sent' }],
    ['a 10,000-level document', { id: seed.letter.id, subject: 'X', doc: deeplyNestedDoc(10_000) }],
    ['a paragraph instead of a document', { id: seed.letter.id, subject: 'X', doc: { type: 'paragraph' } }],
    ['a control character in the subject', { id: seed.letter.id, subject: 'Thanks\u0007', doc: { type: 'doc' } }],
    ['a subject over 200 characters', { id: seed.letter.id, subject: 's'.repeat(201), doc: { type: 'doc' } }],
    ['a document over 4,000,000 characters', { id: seed.letter.id, subject: 'X', doc: { type: 'doc', content: [{ type: 'text', text: 't'.repeat(4_000_001) }] } }],
  ],
  'letters.markSent': () => [
    ['an unknown id', { id: UNKNOWN, channel: 'email' }],
    ['a letter already sent', { id: seed.sentLetter.id, channel: 'email' }],
    ['a time in the future', { id: seed.letter.id, channel: 'email', sentAt: '2026-03-02T10:00:00Z' }],
    ['a time that is not a time', { id: seed.letter.id, channel: 'email', sentAt: 'yesterday' }],
    ['an unknown channel', { id: seed.letter.id, channel: 'pigeon' }],
    ['a letter in the trash', { id: seed.trashedLetter.id, channel: 'email' }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id, channel: 'email' }],
  ],
  'letters.setLetterTrack': () => [
    ['an unknown id', { id: UNKNOWN, enabled: true }],
    ['a letter in the trash', { id: seed.trashedLetter.id, enabled: true }],
    ['a string for enabled', { id: seed.letter.id, enabled: 'yes' }],
  ],
  'letters.markPosted': () => [
    ['an unknown id', { id: UNKNOWN, posted: true }],
    ['a letter without the handwritten copy', { id: seed.letter.id, posted: true }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id, posted: false }],
    ['a number for posted', { id: seed.letter.id, posted: 1 }],
  ],
  'letters.export': () => [
    ['an unknown id', { id: UNKNOWN, format: 'docx' }],
    ['a path as id', { id: TRAVERSAL, format: 'markdown' }],
    ['a letter in the trash', { id: seed.trashedLetter.id, format: 'html' }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id, format: 'markdown' }],
    ['an unknown format', { id: seed.letter.id, format: 'odt' }],
    ['no format', { id: seed.letter.id }],
    ['a letter when nothing can print', { id: seed.letter.id, format: 'pdf' }],
  ],
  'letters.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a letter already in the trash', { id: seed.trashedLetter.id }],
    ['a letter hidden with its opening', { id: seed.letterOfHidden.id }],
  ],
  'openings.recordOutcome': () => [
    ['an unknown opening', { openingId: UNKNOWN, outcome: 'offer' }],
    ['an opening in the trash', { openingId: seed.trashedOpening.id, outcome: 'rejected' }],
    ['a stage that is not an outcome', { openingId: seed.opening.id, outcome: 'interviewing' }],
    ['a rejection from an unknown person', { openingId: seed.opening.id, outcome: 'rejected', contactId: UNKNOWN }],
    ['a rejection from a contact in the trash', { openingId: seed.opening.id, outcome: 'rejected', contactId: seed.trashedContact.id }],
    ['a path as contact', { openingId: seed.opening.id, outcome: 'rejected', contactId: TRAVERSAL }],
  ],
  'references.list': () => [
    ['a path as opening', { openingId: TRAVERSAL }],
    ['an unknown filter', { stage: 'interviewing' }],
  ],
  'references.get': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['a reference in the trash', { id: seed.trashedReference.id }],
  ],
  'references.create': () => [
    ['no name', { name: '  ' }],
    ['an unknown permission', { name: 'X', permission: 'maybe' }],
    ['an e-mail that is not one', { name: 'X', email: 'not mail' }],
    ['a control character in the name', { name: 'X\u0000' }],
    ['an unknown contact', { name: 'X', contactId: UNKNOWN }],
    ['a contact in the trash', { name: 'X', contactId: seed.trashedContact.id }],
    ['chosen stamps', { name: 'X', askedAt: '2026-01-01T00:00:00.000Z' }],
    ['oversized notes', { name: 'X', notes: 'n'.repeat(20_001) }],
  ],
  'references.update': () => [
    ['an unknown id', { id: UNKNOWN, name: 'X' }],
    ['a reference in the trash', { id: seed.trashedReference.id, permission: 'granted' }],
    ['an unknown permission', { id: seed.reference.id, permission: 'yes' }],
    ['an empty name', { id: seed.reference.id, name: '' }],
    ['an unknown contact', { id: seed.reference.id, contactId: UNKNOWN }],
  ],
  'references.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a reference already in the trash', { id: seed.trashedReference.id }],
  ],
  'references.attach': () => [
    ['an unknown opening', { openingId: UNKNOWN, referenceId: seed.reference.id }],
    ['an opening in the trash', { openingId: seed.trashedOpening.id, referenceId: seed.reference.id }],
    ['a reference in the trash', { openingId: seed.opening.id, referenceId: seed.trashedReference.id }],
    ['a path as reference', { openingId: seed.opening.id, referenceId: TRAVERSAL }],
  ],
  'references.detach': () => [
    ['a reference not used for the opening', { openingId: seed.opening.id, referenceId: UNKNOWN }],
    ['a path as opening', { openingId: TRAVERSAL, referenceId: seed.reference.id }],
  ],
  'references.brief.get': () => [
    ['a reference not used for the opening', { openingId: seed.opening.id, referenceId: seed.trashedReference.id }],
    ['an unknown opening', { openingId: UNKNOWN, referenceId: seed.reference.id }],
  ],
  'references.brief.save': () => [
    ['an unknown brief', { openingId: UNKNOWN, referenceId: seed.reference.id, doc: { type: 'doc' } }],
    ['a 10,000-level document', { openingId: seed.opening.id, referenceId: seed.reference.id, doc: deeplyNestedDoc(10_000) }],
    ['a paragraph instead of a document', { openingId: seed.opening.id, referenceId: seed.reference.id, doc: { type: 'paragraph' } }],
    ['a document over 4,000,000 characters', { openingId: seed.opening.id, referenceId: seed.reference.id, doc: { type: 'doc', content: [{ type: 'text', text: 't'.repeat(4_000_001) }] } }],
  ],
  'references.brief.markSent': () => [
    ['an unknown channel', { openingId: seed.opening.id, referenceId: seed.reference.id, channel: 'pigeon' }],
    ['a time in the future', { openingId: seed.opening.id, referenceId: seed.reference.id, channel: 'email', sentAt: '2027-01-01T00:00:00.000Z' }],
    ['an unknown brief', { openingId: seed.opening.id, referenceId: UNKNOWN, channel: 'email' }],
  ],
  'references.brief.markThanked': () => [
    ['an unknown brief', { openingId: seed.opening.id, referenceId: UNKNOWN }],
    ['text for thanked', { openingId: seed.opening.id, referenceId: seed.reference.id, thanked: 'yes' }],
  ],
  'references.brief.export': () => [
    ['an unknown format', { openingId: seed.opening.id, referenceId: seed.reference.id, format: 'exe' }],
    ['an unknown brief', { openingId: seed.opening.id, referenceId: UNKNOWN, format: 'markdown' }],
    ['a PDF when nothing can print', { openingId: seed.opening.id, referenceId: seed.reference.id, format: 'pdf' }],
  ],
  'templates.list': () => [],
  'templates.save': () => [
    ['an unknown id', { id: UNKNOWN, kind: 'thank_you', name: 'X', doc: { type: 'doc' } }],
    ['a built-in changing its kind', { id: seed.builtInTemplate.id, kind: 'rejection', name: 'X', doc: { type: 'doc' } }],
    ['an unknown kind', { kind: 'love_letter', name: 'X', doc: { type: 'doc' } }],
    ['a 10,000-level document', { kind: 'thank_you', name: 'X', doc: deeplyNestedDoc(10_000) }],
    ['a document over 4,000,000 characters', { kind: 'thank_you', name: 'X', doc: { type: 'doc', content: [{ type: 'text', text: 't'.repeat(4_000_001) }] } }],
    ['a control character in the name', { kind: 'thank_you', name: 'Mine\u0000', doc: { type: 'doc' } }],
    ['a chosen built-in flag', { kind: 'thank_you', name: 'X', doc: { type: 'doc' }, builtIn: true }],
  ],
  'templates.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
    ['a built-in template', { id: seed.builtInTemplate.id }],
  ],
  'templates.reset': () => [
    ['an unknown kind', { kind: 'love_letter' }],
    ['an id instead of a kind', { id: seed.template.id }],
  ],
  'reminders.agenda': () => [],
  'reminders.snooze': () => [
    ['an unknown key', { key: 'debrief:00000000', choice: '1h' }],
    ['a preset and a time at once', { key: seed.reminderKey, choice: '1h', until: '2026-04-01T09:00:00.000Z' }],
    ['neither a preset nor a time', { key: seed.reminderKey }],
    ['a time in the past', { key: seed.reminderKey, until: '2026-03-01T09:00:00.000Z' }],
    ['the present moment', { key: seed.reminderKey, until: '2026-03-02T09:00:00.000Z' }],
    ['a time that is not a time', { key: seed.reminderKey, until: 'tomorrow' }],
    ['an unknown preset', { key: seed.reminderKey, choice: 'forever' }],
    ['an empty key', { key: '', choice: '1h' }],
    ['an oversized key', { key: 'k'.repeat(301), choice: '1h' }],
  ],
  ...Object.fromEntries(
    (['reminders.done', 'reminders.dismiss', 'reminders.reopen'] as const).map((channel) => [
      channel,
      (): Case[] => [
        ['an unknown key', { key: 'thank_you:00000000' }],
        ['SQL as key', { key: "' OR 1=1 --" }],
        ['an empty key', { key: '' }],
        ['a number as key', { key: 42 }],
        ['an oversized key', { key: 'k'.repeat(301) }],
      ],
    ]),
  ) as Record<'reminders.done' | 'reminders.dismiss' | 'reminders.reopen', () => Case[]>,
  'touchpoints.list': () => [
    ['neither opening nor contact', {}],
    ['an unknown opening', { openingId: UNKNOWN }],
    ['an opening in the trash', { openingId: seed.trashedOpening.id }],
    ['a contact in the trash', { contactId: seed.trashedContact.id }],
    ['a path as opening', { openingId: TRAVERSAL }],
    ['an extra field', { openingId: seed.opening.id, limit: 1e9 }],
  ],
  'touchpoints.log': () => {
    const valid = { openingId: seed.opening.id, channel: 'email', direction: 'outbound', kind: 'follow_up', occurredAt: '2026-03-01T10:00:00.000Z', summary: 'Checked in' };
    return [
      ['a time in the future', { ...valid, occurredAt: '2026-04-01T10:00:00.000Z' }],
      ['a time that is not a time', { ...valid, occurredAt: 'yesterday' }],
      ['an unknown opening', { ...valid, openingId: UNKNOWN }],
      ['an opening in the trash', { ...valid, openingId: seed.trashedOpening.id }],
      ['a contact in the trash', { ...valid, contactId: seed.trashedContact.id }],
      ['an unknown channel', { ...valid, channel: 'pigeon' }],
      ['an unknown direction', { ...valid, direction: 'sideways' }],
      ['an unknown kind', { ...valid, kind: 'bribe' }],
      ['control characters', { ...valid, summary: 'hi\u0000there' }],
      ['an oversized summary', { ...valid, summary: 's'.repeat(2001) }],
      ['a chosen id', { ...valid, id: UNKNOWN }],
      ['a letter id smuggled in', { ...valid, letterId: seed.letter.id }],
    ];
  },
  'touchpoints.delete': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['a path as id', { id: TRAVERSAL }],
  ],
  'touchpoints.restore': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['SQL as id', { id: "' OR 1=1 --" }],
  ],
  'touchpoints.check': () => [
    ['an unknown opening', { openingId: UNKNOWN, channel: 'email', direction: 'outbound', kind: 'follow_up' }],
    ['an opening in the trash', { openingId: seed.trashedOpening.id, channel: 'email', direction: 'outbound', kind: 'follow_up' }],
    ['a contact in the trash', { openingId: seed.opening.id, contactId: seed.trashedContact.id, channel: 'email', direction: 'outbound', kind: 'follow_up' }],
    ['an unknown kind', { openingId: seed.opening.id, channel: 'email', direction: 'outbound', kind: 'bribe' }],
  ],
  'insights.overview': () => [['an argument where none is taken', { openingId: seed.opening.id }]],
  'insights.timeline': () => [
    ['an unknown id', { id: UNKNOWN }],
    ['an opening in the trash', { id: seed.trashedOpening.id }],
    ['a path as id', { id: TRAVERSAL }],
    ['no id', {}],
  ],
  'tips.get': () => [['an argument where none is taken', { dismissed: [] }]],
  'tips.dismiss': () => [
    ['an unknown tip', { id: 'be_pushy' }],
    ['a prototype key as tip', { id: '__proto__' }],
    ['an oversized tip', { id: FIFTY_MB }],
    ['a list of tips', { id: ['when_to_move_on'] }],
  ],
  'tips.reset': () => [['an argument where none is taken', { all: true }]],
  'csvImport.read': () => [
    ['an empty file', { text: '' }],
    ['only blank lines', { text: '\r\n\n\n' }],
    ['a header and no rows', { text: 'Company,Role\n' }],
    ['an unterminated quote', { text: 'Company,Role\nAcme,"Dev\n' }],
    ['more than 5,000 rows', { text: `Company,Role\n${'Acme,Dev\n'.repeat(5001)}` }],
    ['more than 5 MB', { text: `Company,Role\nAcme,${'x'.repeat(5_000_000)}` }],
    ['201 columns', { text: `${Array.from({ length: 201 }, (_, index) => `c${index}`).join(',')}\n1` }],
    ['a number as text', { text: 42 }],
  ],
  'csvImport.check': () => {
    const text = 'Company,Role,Stage\nAcme,Dev,Applied\n';
    return [
      ['no company column', { text, columns: { role: 1 } }],
      ['no role column', { text, columns: { companyName: 0, role: null } }],
      ['a column beyond the file', { text, columns: { companyName: 0, role: 7 } }],
      ['a negative column', { text, columns: { companyName: -1, role: 1 } }],
      ['a fractional column', { text, columns: { companyName: 0.5, role: 1 } }],
      ['an unknown field', { text, columns: { companyName: 0, role: 1, password: 2 } }],
      ['an unknown date order', { text, columns: { companyName: 0, role: 1 }, dateOrder: 'ydm' }],
      ['an unterminated quote', { text: 'Company,Role\n"Acme,Dev', columns: { companyName: 0, role: 1 } }],
    ];
  },
  'csvImport.run': () => {
    const columns = { companyName: 0, role: 1, stage: 2, appliedOn: 3, jobUrl: 4 };
    const header = 'Company,Role,Stage,Applied,Link\n';
    return [
      ['one row without a company among good ones', { text: `${header}Hooli,Dev,Applied,2026-03-01,\n,Tester,Applied,,\nPied Piper,CTO,,,\n`, columns }],
      ['an unknown stage', { text: `${header}Hooli,Dev,Ghosted,,\n`, columns }],
      ['an ambiguous date', { text: `${header}Hooli,Dev,,03/04/2026,\n`, columns }],
      ['a javascript: link', { text: `${header}Hooli,Dev,,,javascript:alert(1)\n`, columns }],
      ['control characters', { text: `${header}Hoo\u0000li,Dev\u001b[31m,,,\n`, columns }],
      ['an oversized role', { text: `${header}Hooli,${'r'.repeat(201)},,,\n`, columns }],
      ['more cells than the header', { text: `${header}Hooli,Dev,,,,surprise\n`, columns }],
      ['no role column', { text: `${header}Hooli,Dev,,,\n`, columns: { companyName: 0 } }],
      ['an unterminated quote', { text: `${header}Hooli,"Dev,,,\n`, columns }],
    ];
  },
  'csvImport.undo': () => [
    ['an empty list', { openingIds: [] }],
    ['an unknown id', { openingIds: [UNKNOWN] }],
    ['a path as id', { openingIds: [TRAVERSAL] }],
    ['an opening already in the trash', { openingIds: [seed.trashedOpening.id] }],
    ['more ids than one import adds', { openingIds: Array.from({ length: 5001 }, () => UNKNOWN) }],
    ['ids as one string', { openingIds: UNKNOWN }],
  ],
  'settings.get': () => [],
  'sample.get': () => [],
  'sample.load': () => [
    ['no time zone', {}],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['a huge time zone', { timeZone: 'Europe/'.repeat(2000) }],
    ['an extra field', { timeZone: 'UTC', rows: 500 }],
  ],
  // Nothing to remove in a vault without the sample.
  'sample.remove': () => [['no sample data', undefined]],
  'shell.openExternal': () => [
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['a file: link', { url: 'file:///home/u/.ssh/id_rsa' }],
    ['a mail link that attaches a file', { url: 'mailto:ana@example.com?attach=/home/u/.ssh/id_rsa' }],
    ['a mail link with a forged header', { url: 'mailto:ana@example.com?subject=Hi%0D%0ABcc:%20all@example.com' }],
    ['a web address with a password', { url: 'https://user:secret@bank.example/' }],
    ['an oversized link', { url: `https://example.com/${'a'.repeat(9000)}` }],
    ['no link', {}],
    ['a link and more', { url: 'https://example.com', target: '_self' }],
    ['a safe link where nothing can open it', { url: 'https://example.com/jobs' }],
  ],
  'settings.save': () => [
    ['a partial save', { notifications: false }],
    ['an unknown setting', { ...DEFAULT_SETTINGS, fontSize: 12 }],
    ['an unknown appearance', { ...DEFAULT_SETTINGS, theme: 'sepia' }],
    ['an unknown playbook timing', { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, thankYouMinutes: 5 } }],
    ['an impossible morning time', { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, morningTime: '25:00' } }],
    ['a zero-hour thank-you deadline', { ...DEFAULT_SETTINGS, playbook: { ...DEFAULT_SETTINGS.playbook, thankYouDeadlineHours: 0 } }],
    ['quiet hours that are not times', { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: 'noon', end: '08:00' } }],
    ['notifications as text', { ...DEFAULT_SETTINGS, notifications: 'yes' }],
    ['an oversized name', { ...DEFAULT_SETTINGS, profile: { name: 'n'.repeat(201), address: '' } }],
    ['a __proto__ section', JSON.parse(JSON.stringify({ ...DEFAULT_SETTINGS }).replace('"profile"', '"__proto__"'))],
  ],
};

/** Wrong shapes every channel must refuse, whatever it expects. */
function malformedCases(channel: Channel): Case[] {
  // Channels taking nothing, or an optional filter (letters.list), rightly accept an empty input.
  const takesNothing = contract[channel].input === noInput || contract[channel].input.safeParse(undefined).success;
  return [
    ...(takesNothing ? [] : ([['nothing at all', undefined], ['null', null], ['an empty object', {}]] as Case[])),
    ['a string', 'DROP TABLE openings'],
    ['a number', 42],
    ['an array', [{ id: UNKNOWN }]],
    ['a function-like string key', { constructor: { prototype: { polluted: true } } }],
    ['a __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['a 50 MB string', FIFTY_MB],
    ['a 50 MB field', { id: UNKNOWN, name: FIFTY_MB }],
  ];
}

beforeAll(async () => {
  core = coreHarness('2026-03-02T09:00:00.000Z');
  seed = await seedVault();
});
afterAll(() => core.cleanup());

it('has hostile cases or a reason for none for every channel in the contract', () => {
  expect(Object.keys(hostileCases).sort()).toEqual([...CHANNELS].sort());
  const withoutInput = CHANNELS.filter((channel) => contract[channel].input === noInput);
  for (const channel of CHANNELS) {
    if (!withoutInput.includes(channel)) expect(hostileCases[channel]().length, channel).toBeGreaterThan(0);
  }
});

for (const channel of CHANNELS) {
  describe(channel, () => {
    it('refuses malformed, oversized and hostile input with a readable error and changes nothing', async () => {
      const cases = [...malformedCases(channel), ...hostileCases[channel]()];
      for (const [label, input] of cases) {
        const rows = core.rowCounts();
        const digest = core.fingerprint();
        const files = core.attachmentFiles();
        const result = await core.dispatch(channel, input);

        const context = `${channel} with ${label}`;
        expect(result.ok, context).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, `${context}: ${result.error.message}`).not.toBe('INTERNAL');
        expect(result.error.message, context).toMatch(/^[A-Z“"]/);
        expect(result.error.message.length, context).toBeLessThan(300);
        expect(result.error.message, context).not.toMatch(/SQLITE|TypeError|\[object|undefined|\bat \w+ \(|Error:/);
        expect(core.rowCounts(), context).toEqual(rows);
        expect(core.fingerprint(), context).toBe(digest);
        expect(core.attachmentFiles(), context).toEqual(files);
        expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
      }
      expect(core.logged).toEqual([]);
    });
  });
}
