import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiPath } from '#shared/ipc/api-path';
import { CHANNELS, EVENT_NAMES, type EventName } from '#shared/ipc/contract';

// Keep in step with electron/main: the preload is sandboxed and cannot import
// main-process modules, so the internal channel names are repeated here.
const EVENT_CHANNEL = 'afterview:event';
const READY_SIGNAL = 'afterview:renderer-ready';
const FLUSHED_SIGNAL = 'afterview:flushed';
const RENDERER_LOG_CHANNEL = 'afterview:renderer-log';

type Invoke = (input?: unknown) => Promise<unknown>;

/** window.api.<namespace>.<action>(input), one function per contract channel and nothing else. */
function buildApi(): Record<string, Record<string, Invoke>> {
  const api: Record<string, Record<string, Invoke>> = {};
  for (const channel of CHANNELS) {
    const [namespace, action] = apiPath(channel);
    api[namespace] ??= {};
    api[namespace][action] = (input?: unknown) => ipcRenderer.invoke(channel, input);
  }
  return api;
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: { name: EventName; payload: unknown }) => {
  listeners.get(message?.name)?.forEach((listener) => listener(message.payload));
});

contextBridge.exposeInMainWorld('api', {
  ...buildApi(),
  events: {
    on(name: EventName, listener: (payload: unknown) => void): () => void {
      if (!EVENT_NAMES.includes(name) || typeof listener !== 'function') return () => undefined;
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    ready(): void {
      ipcRenderer.send(READY_SIGNAL);
    },
    /** Answers app.flushRequested once every open editor has saved. */
    flushed(requestId: number): void {
      if (Number.isSafeInteger(requestId)) ipcRenderer.send(FLUSHED_SIGNAL, requestId);
    },
    /** An error on the page, for Afterview's log file (the main process checks and caps what it writes). */
    reportError(entry: unknown): void {
      ipcRenderer.send(RENDERER_LOG_CHANNEL, entry);
    },
  },
});
