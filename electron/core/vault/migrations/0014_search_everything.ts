import type { Migration } from './migration';
import { rebuildSearchIndex, type SearchSource } from './search-index';

// Repeated here on purpose: a shipped migration never changes with the repositories.
const TOUCHPOINT_KIND = `CASE s.kind
  WHEN 'thank_you' THEN 'Thank-you note'
  WHEN 'rejection_reply' THEN 'Reply to a rejection'
  WHEN 'follow_up' THEN 'Follow-up'
  WHEN 'reference_brief' THEN 'Reference brief'
  WHEN 'stay_in_touch' THEN 'Staying in touch'
  WHEN 'linkedin_invite' THEN 'LinkedIn invitation'
  ELSE 'Other' END`;

/**
 * Everything search finds, as of this migration. A later migration that
 * changes one kind's text (an opening's job posting, say) declares that kind
 * again from this list and passes both to replaceSearchSource.
 */
export const SEARCH_SOURCES_0014: readonly SearchSource[] = [
  { kind: 'note', table: 'notes', title: 's.title', body: 's.plain_text', watched: ['title', 'plain_text'] },
  {
    kind: 'letter',
    table: 'letters',
    title: `CASE WHEN s.subject <> '' THEN s.subject
      ELSE (CASE s.kind WHEN 'thank_you' THEN 'Thank-you note to ' ELSE 'Reply to ' END) || s.recipient_name END`,
    body: 's.plain_text',
    watched: ['subject', 'plain_text', 'recipient_name', 'kind'],
  },
  {
    kind: 'opening',
    table: 'openings',
    title: 's.role',
    body: `concat_ws(' · ', (SELECT name FROM companies WHERE id = s.company_id), nullif(s.location, ''), nullif(s.next_step, ''))`,
    watched: ['role', 'company_id', 'location', 'next_step'],
    // An opening is found by its company's name, which lives on the company.
    borrows: [{ table: 'companies', column: 'name', via: 'company_id' }],
  },
  { kind: 'company', table: 'companies', title: 's.name', body: `''`, watched: ['name'] },
  { kind: 'contact', table: 'contacts', title: 's.name', body: `concat_ws(' · ', nullif(s.title, ''), nullif(s.email, ''))`, watched: ['name', 'title', 'email'] },
  { kind: 'research', table: 'research_entries', title: 's.title', body: 's.summary', watched: ['title', 'summary'] },
  {
    kind: 'interview',
    table: 'interviews',
    // As the interview's page heads itself.
    title: `'Round ' || s.round || CASE WHEN coalesce(s.title, '') <> '' THEN ' · ' || s.title ELSE ' interview' END`,
    // The debrief the user wrote, and where it took place.
    body: `concat_ws(' · ', nullif(s.location, ''), nullif(s.next_step, ''), nullif(s.impressions, ''), nullif(s.concerns, ''), nullif(s.questions, ''), nullif(s.learned, ''))`,
    watched: ['round', 'title', 'location', 'next_step', 'impressions', 'concerns', 'questions', 'learned'],
  },
  {
    kind: 'touchpoint',
    table: 'touchpoints',
    // As the touchpoint logs name it: "Follow-up to Carla Mendes".
    title: `${TOUCHPOINT_KIND} || coalesce((CASE s.direction WHEN 'outbound' THEN ' to ' ELSE ' from ' END) || (SELECT name FROM contacts WHERE id = s.contact_id), '')`,
    body: 's.summary',
    watched: ['kind', 'direction', 'contact_id', 'summary'],
    borrows: [{ table: 'contacts', column: 'name', via: 'contact_id' }],
  },
  {
    kind: 'reference',
    table: 'references',
    title: 's.name',
    body: `concat_ws(' · ', nullif(s.relationship, ''), nullif(s.email, ''), nullif(s.notes, ''))`,
    watched: ['name', 'relationship', 'email', 'notes'],
  },
];

/**
 * Search reaches everything the user wrote: interviews with their debrief,
 * touchpoints and references join notes, letters, openings, companies,
 * contacts and research. The index is made again from nothing, so existing
 * vaults find their old debriefs too, in the order they were last changed.
 * The list of kinds leaves search_docs (a CHECK there made every new kind a
 * new table). Every table 0005 indexed is in the list, so its triggers go too.
 */
export const m0014SearchEverything: Migration = {
  id: '0014_search_everything',
  up(db) {
    rebuildSearchIndex(db, SEARCH_SOURCES_0014, SEARCH_SOURCES_0014);
  },
};
