import { onEvent } from './api';

/** A tray item or a notification sends the page to a screen: the shell names it by its path after '#'. */
export function installShellNavigation(): () => void {
  return onEvent('navigate', ({ path }) => {
    if (path.startsWith('/')) window.location.hash = `#${path}`;
  });
}
