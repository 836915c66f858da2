import { z } from 'zod';
import { companySchema } from '../domain/company';
import { newOpeningSchema, openingSchema } from '../domain/opening';

const noInput = z.undefined().or(z.object({}).strict()).transform(() => undefined);

/**
 * The one source of truth for every channel between the renderer and the core:
 * its name, the input it accepts and the output it promises.
 */
export const contract = {
  'app.info': {
    input: noInput,
    output: z.object({ version: z.string(), vaultPath: z.string(), schemaVersion: z.number().int() }),
  },
  'openings.list': { input: noInput, output: z.array(openingSchema) },
  'openings.create': { input: newOpeningSchema, output: openingSchema },
  'companies.list': { input: noInput, output: z.array(companySchema) },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the main process pushes to the window. */
export const events = {
  'navigate': z.object({ path: z.string().max(500) }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
