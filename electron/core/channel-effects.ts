import type { Channel } from '../../shared/ipc/contract';

/** Actions that only read: everything else may change the vault, and so the plan. */
const READ_ACTIONS = new Set(['get', 'list', 'read', 'info', 'agenda', 'query', 'check', 'export']);

export function isReadChannel(channel: Channel): boolean {
  // The last part names the action: 'references.brief.get' only reads.
  return READ_ACTIONS.has(channel.slice(channel.lastIndexOf('.') + 1));
}
