/** Back and forward through the screens the user visited: the hash router's entries in the window's history. */
export type HistoryDirection = 'back' | 'forward';
/** Where a request came from: the keyboard, the mouse's own buttons, or the desktop shell (menu, right-click, swipe, app-command). */
export type HistorySource = 'keys' | 'mouse' | 'shell';

/**
 * One press of a mouse's back button can reach us twice: Electron reports it
 * to the window (app-command, on Windows and Linux) and Chromium to the page
 * (button 3). A request in the same direction from another source within
 * this time is taken for the same press.
 */
export const SAME_PRESS_MS = 500;

export function createHistoryNavigator(history: Pick<History, 'back' | 'forward'>, now: () => number = () => performance.now()) {
  let last: { direction: HistoryDirection; source: HistorySource; at: number } | undefined;
  return function go(direction: HistoryDirection, source: HistorySource): boolean {
    const at = now();
    if (last && last.direction === direction && last.source !== source && at - last.at < SAME_PRESS_MS) return false;
    last = { direction, source, at };
    if (direction === 'back') history.back();
    else history.forward();
    return true;
  };
}

const navigate = createHistoryNavigator(window.history);

/** Goes back or forward, once per press however many ways it arrived. */
export function navigateHistory(direction: HistoryDirection, source: HistorySource): void {
  navigate(direction, source);
}

/** The keys for back and forward: Cmd+[ and Cmd+] on a Mac, Alt+← and Alt+→ elsewhere, as in browsers. */
export function historyDirectionOfKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>, mac: boolean): HistoryDirection | null {
  if (event.shiftKey) return null;
  if (mac) {
    if (!event.metaKey || event.altKey || event.ctrlKey) return null;
    return event.key === '[' ? 'back' : event.key === ']' ? 'forward' : null;
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return event.key === 'ArrowLeft' ? 'back' : event.key === 'ArrowRight' ? 'forward' : null;
}

/** Mouse buttons 3 and 4 are a mouse's back and forward buttons. */
const MOUSE_BUTTONS: Record<number, HistoryDirection> = { 3: 'back', 4: 'forward' };

/**
 * The keys and the mouse's buttons, on the page (so they work the same in the
 * browser preview). Listens in the bubble phase and leaves alone a key some
 * control already used: Alt+← on a pipeline card moves the card.
 */
export function installHistoryNavigation(mac: boolean): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const direction = historyDirectionOfKey(event, mac);
    if (!direction) return;
    event.preventDefault();
    navigateHistory(direction, 'keys');
  };
  // The browser's own back-on-mouse-button is cancelled, so one press moves one step.
  const onMouseDown = (event: MouseEvent) => {
    if (MOUSE_BUTTONS[event.button]) event.preventDefault();
  };
  const onMouseUp = (event: MouseEvent) => {
    const direction = MOUSE_BUTTONS[event.button];
    if (!direction) return;
    event.preventDefault();
    navigateHistory(direction, 'mouse');
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('mousedown', onMouseDown);
  window.addEventListener('mouseup', onMouseUp);
  return () => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('mousedown', onMouseDown);
    window.removeEventListener('mouseup', onMouseUp);
  };
}
