import type { Migration } from './migration';
import { SEARCH_SOURCES_0014 } from './0014_search_everything';
import { replaceSearchSource } from './search-index';

const TOUCHPOINT_0014 = SEARCH_SOURCES_0014.find((source) => source.kind === 'touchpoint')!;

// Repeated here on purpose: a shipped migration never changes with the shared labels.
const TOUCHPOINT_LABEL = `CASE s.kind
  WHEN 'thank_you' THEN 'Thank-you note'
  WHEN 'rejection_reply' THEN 'Reply to a rejection'
  WHEN 'follow_up' THEN 'Follow-up'
  WHEN 'reference_brief' THEN 'Reference brief'
  WHEN 'stay_in_touch' THEN 'Staying in touch'
  WHEN 'linkedin_invite' THEN 'LinkedIn invitation'
  ELSE CASE s.channel
    WHEN 'email' THEN 'E-mail'
    WHEN 'phone' THEN 'Call'
    WHEN 'linkedin' THEN 'LinkedIn message'
    WHEN 'in_person' THEN 'Meeting'
    WHEN 'portal' THEN 'Portal message'
    ELSE 'Letter' END END`;

/** Search names an "other" touchpoint as the lists do, by how it happened: "E-mail from Carla Mendes". */
export const m0016TouchpointTitles: Migration = {
  id: '0016_touchpoint_titles',
  up(db) {
    replaceSearchSource(db, TOUCHPOINT_0014, {
      ...TOUCHPOINT_0014,
      title: `${TOUCHPOINT_LABEL} || coalesce((CASE s.direction WHEN 'outbound' THEN ' to ' ELSE ' from ' END) || (SELECT name FROM contacts WHERE id = s.contact_id), '')`,
      watched: [...TOUCHPOINT_0014.watched, 'channel'],
    });
  },
};
