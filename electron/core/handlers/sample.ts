import type { Channel, ChannelInput, ChannelOutput } from '#shared/ipc/contract';
import { contract } from '#shared/ipc/contract';
import { createSampleVault } from '../sample/sample-vault';
import type { Services } from '../services';
import type { Handlers, HandlersFor } from './types';

type SampleChannel = 'sample.get' | 'sample.load' | 'sample.remove';

/** The sample vault, built through the other handlers so it goes through every rule a user's input does. */
export function sampleHandlers(services: Services, handlers: Omit<Handlers, SampleChannel>): HandlersFor<SampleChannel> {
  function run<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> {
    const handler = (handlers as Partial<Record<Channel, (value: unknown) => unknown>>)[channel];
    if (!handler) throw new Error(`${channel} cannot be part of the sample vault.`);
    const value = handler(contract[channel].input.parse(input));
    // Inside a transaction, so only synchronous handlers will do.
    if (value instanceof Promise) throw new Error(`${channel} cannot be part of the sample vault: it is asynchronous.`);
    return value as ChannelOutput<C>;
  }
  const sample = createSampleVault(services.vault.db, run);
  return {
    'sample.get': () => ({ rows: sample.rows() }),
    'sample.load': ({ timeZone }) => sample.load(services.now(), timeZone),
    'sample.remove': () => sample.remove(),
  };
}
