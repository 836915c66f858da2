import { z } from 'zod';

/** For channels that take no input: nothing, null or {} — anything else is refused. */
export const noInput = z
  .union([z.undefined(), z.null(), z.object({}).strict()])
  .transform(() => undefined);
