import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../../shared/ipc/contract';

/** The parsed input a handler receives: the schema's output, defaults applied. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The handlers of a subset of channels; each feature module implements its own. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

export type Handlers = HandlersFor<Channel>;
