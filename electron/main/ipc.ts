import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CHANNELS } from '#shared/ipc/contract';
import type { Dispatch } from '#core/dispatch';
import type { TrustedOrigins } from './security';

export const READY_SIGNAL = 'afterview:renderer-ready';

/**
 * Only our own window's top frame, loaded from our own origin, may call the
 * core. A sub-frame or a page that navigated elsewhere gets FORBIDDEN.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, origins: TrustedOrigins, isOurWindow: (id: number) => boolean): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isOurWindow(event.sender.id)) return false;
  return origins.isTrusted(frame.url);
}

/** Registers one ipcMain handler per contract channel, all through `dispatch`. */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, trusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!trusted(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not use Afterview’s data.' } };
      }
      return dispatch(channel, input);
    });
  }
}
