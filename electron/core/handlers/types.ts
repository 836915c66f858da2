import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '#shared/ipc/contract';
import type { SessionChannel } from '#shared/ipc/channels/vault-lock';

/** The parsed input a handler receives: the schema's output, defaults applied. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The handlers of a subset of channels; each feature module implements its own. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

/** Every channel over an open vault; the vault's own (its lock, its encryption) are the session's. */
export type Handlers = HandlersFor<Exclude<Channel, SessionChannel>>;
