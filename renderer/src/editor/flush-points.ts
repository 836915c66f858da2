import { acknowledgeFlush, onEvent } from '../api';
import { flushAll } from './flush-registry';

/**
 * The moments when open editors must save at once rather than after their
 * pause: the page is hidden or going away (browser preview, reload), or the
 * desktop shell is about to close the window or quit.
 */
export function installFlushPoints(): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flushAll();
  };
  const onPageHide = () => void flushAll();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  const stopListening = onEvent('app.flushRequested', ({ requestId }) => {
    void flushAll().then(() => acknowledgeFlush(requestId));
  });
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    stopListening();
  };
}
