/**
 * Where a channel sits on the preload's window.api: the namespace is what comes
 * before the first dot and the action is all the rest, so three-part names
 * ("references.brief.get") stay distinct from their siblings. Kept apart from
 * the contract so the renderer can use it without bundling every schema.
 */
export function apiPath(channel: string): [namespace: string, action: string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}
