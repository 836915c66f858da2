import { z } from 'zod';
import { idSchema } from '../domain/fields';

/** Input of channels that act on one item. */
export const byId = z.object({ id: idSchema }).strict();
