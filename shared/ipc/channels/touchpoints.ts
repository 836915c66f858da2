import { z } from 'zod';
import { checkTouchpointSchema, contactCheckSchema, logTouchpointSchema, touchpointListSchema, touchpointSchema } from '#shared/domain/touchpoint';
import { byId } from '../by-id';

export const touchpointChannels = {
  /** An opening's or a contact's touchpoints (or both at once), newest first. */
  'touchpoints.list': { effect: 'reads', input: touchpointListSchema, output: z.array(touchpointSchema) },
  /** Logs a contact that happened; an inbound one wakes a dormant opening. */
  'touchpoints.log': { effect: 'writes', input: logTouchpointSchema, output: touchpointSchema },
  /** Hides a touchpoint; touchpoints.restore undoes it. */
  'touchpoints.delete': { effect: 'writes', input: byId, output: z.object({ id: z.string(), deletedAt: z.string() }) },
  'touchpoints.restore': { effect: 'writes', input: byId, output: touchpointSchema },
  /** The contact-frequency guard: reasons to hold back before an outbound touch. */
  'touchpoints.check': { effect: 'reads', input: checkTouchpointSchema, output: contactCheckSchema },
} as const;
