import { z } from 'zod';
import { checkTouchpointSchema, contactCheckSchema, logTouchpointSchema, touchpointListSchema, touchpointSchema } from '../../domain/touchpoint';
import { byId } from '../by-id';

export const touchpointChannels = {
  /** An opening's or a contact's touchpoints (or both at once), newest first. */
  'touchpoints.list': { input: touchpointListSchema, output: z.array(touchpointSchema) },
  /** Logs a contact that happened; an inbound one wakes a dormant opening. */
  'touchpoints.log': { input: logTouchpointSchema, output: touchpointSchema },
  /** Hides a touchpoint; touchpoints.restore undoes it. */
  'touchpoints.delete': { input: byId, output: z.object({ id: z.string(), deletedAt: z.string() }) },
  'touchpoints.restore': { input: byId, output: touchpointSchema },
  /** The contact-frequency guard: reasons to hold back before an outbound touch. */
  'touchpoints.check': { input: checkTouchpointSchema, output: contactCheckSchema },
} as const;
