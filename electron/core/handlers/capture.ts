import type { Services } from '../services';
import type { HandlersFor } from './types';

type CaptureChannel =
  | 'capture.readInvite'
  | 'capture.confirmInvite'
  | 'capture.cancelInvite'
  | 'capture.readEmail'
  | 'capture.confirmEmail'
  | 'capture.settings'
  | 'capture.saveOwnAddresses'
  | 'capture.offers'
  | 'capture.dismissOffer'
  | 'mailbox.status'
  | 'mailbox.connect'
  | 'mailbox.sync'
  | 'mailbox.pause'
  | 'mailbox.resume'
  | 'mailbox.forget';

export function captureHandlers({ vault, inviteImport, emailImport, vaultCapture, captureSettings, mailbox, nowIso }: Services): HandlersFor<CaptureChannel> {
  /** The interview and, when it came from the mailbox, its offer resolved: together or not at all. */
  const withOffer = <T>(offerId: string | undefined, write: (now: string) => T): T =>
    vault.db.transaction(() => {
      const now = nowIso();
      const result = write(now);
      if (offerId) vaultCapture.resolveOffer(offerId, now);
      return result;
    })();

  return {
    'capture.readInvite': ({ text }) => ({ invites: inviteImport.readText(text) }),
    'capture.confirmInvite': ({ offerId, ...input }) => withOffer(offerId, (now) => inviteImport.confirm(input, now)),
    'capture.cancelInvite': ({ offerId, ...invite }) => withOffer(offerId, (now) => inviteImport.cancel(invite, now)),
    'capture.readEmail': ({ base64 }) => emailImport.read(Buffer.from(base64, 'base64')),
    'capture.confirmEmail': (input) => emailImport.confirm(input, nowIso()),
    'capture.settings': () => captureSettings.get(),
    'capture.saveOwnAddresses': ({ ownAddresses }) => captureSettings.saveOwnAddresses(ownAddresses),
    'capture.offers': () => vaultCapture.offers(),
    'capture.dismissOffer': ({ id }) => {
      vaultCapture.resolveOffer(id, nowIso());
      return { dismissed: true };
    },
    'mailbox.status': () => mailbox.status(),
    'mailbox.connect': ({ account, password }) => mailbox.connect(account, password),
    'mailbox.sync': () => mailbox.sync(),
    'mailbox.pause': () => mailbox.pause(),
    'mailbox.resume': () => mailbox.resume(),
    'mailbox.forget': () => mailbox.forget(),
  };
}
