import { CONTACT_CHANNELS } from '#shared/domain/fields';
import { DIRECTIONS, TOUCHPOINT_KIND_LABELS, TOUCHPOINT_KINDS, type TouchpointView } from '#shared/domain/touchpoint';
import { choice, createdAt, id, instant, reference, text, trashedAt, updatedAt } from './column';
import { openingsTable } from './openings';
import { sameFields, table, type Row } from './table';

/**
 * The log of every contact with an employer: what was said, on which channel,
 * which way. Hidden with its opening; one about a person alone stays while
 * the person is in the trash (it is the user's record of what happened).
 */
export const touchpointsTable = table(
  'touchpoints',
  't',
  {
    id: id(),
    openingId: reference().nullable(),
    contactId: reference().nullable(),
    channel: choice(CONTACT_CHANNELS),
    direction: choice(DIRECTIONS),
    kind: choice(TOUCHPOINT_KINDS, TOUCHPOINT_KIND_LABELS).defaultsTo('other'),
    occurredAt: instant(),
    summary: text().defaultsTo(''),
    /** The letter this touchpoint sent, when it was one. */
    letterId: reference().nullable(),
    /** The e-mail it was captured from: a message is logged once (0013_capture). */
    messageId: text().nullable().notInRow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: trashedAt(),
  },
  { parents: [{ column: 'openingId', table: () => openingsTable, optional: true }] },
);

/** A touchpoint as a list shows it, less the names joined for it (and when it last changed). */
sameFields<Omit<Row<typeof touchpointsTable>, 'updatedAt'>, Omit<TouchpointView, 'contactName' | 'openingName'>>();
