import { useEffect } from 'react';
import { copyPlainText } from '../features/letters/clipboard';
import { onLinkNotOpened } from './open-link';
import { useToast } from './toast';

/**
 * Tells the user, wherever they are, when a link they clicked was not opened
 * and why. The link can still be copied, for someone who trusts it.
 */
export function LinkNotices() {
  const toast = useToast();
  useEffect(
    () =>
      onLinkNotOpened(({ href, message }) =>
        toast.show(message, {
          tone: 'error',
          action: {
            label: 'Copy link',
            run: async () => {
              try {
                await copyPlainText(href);
                toast.show('The link is on your clipboard.');
              } catch {
                toast.show('Afterview could not use the clipboard.', { tone: 'error' });
              }
            },
          },
        }),
      ),
    [toast],
  );
  return null;
}
