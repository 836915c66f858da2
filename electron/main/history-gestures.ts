import type { BrowserWindow } from 'electron';

type Direction = 'back' | 'forward';
type GestureWindow = Pick<BrowserWindow, 'on'>;

/**
 * Back and forward that only the window hears: a mouse's back and forward
 * buttons and a keyboard's browser keys arrive as 'app-command' on Windows
 * and Linux, and a three-finger swipe as 'swipe' on macOS (left goes back,
 * as in Safari and the other apps). Each is handed to the page, which owns
 * the history and takes a press that also reached it as a mouse button only
 * once (renderer/src/history-navigation.ts).
 */
export function watchHistoryGestures(window: GestureWindow, platform: NodeJS.Platform, navigate: (direction: Direction) => void): void {
  if (platform === 'darwin') {
    window.on('swipe', (_event, direction) => {
      if (direction === 'left') navigate('back');
      else if (direction === 'right') navigate('forward');
    });
    return;
  }
  window.on('app-command', (_event, command) => {
    if (command === 'browser-backward') navigate('back');
    else if (command === 'browser-forward') navigate('forward');
  });
}
