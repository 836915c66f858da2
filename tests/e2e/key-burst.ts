import type { CDPSession } from 'playwright-core';

/** One key as Chromium's DevTools protocol takes it (Input.dispatchKeyEvent). */
export interface KeyEvent {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  modifiers: number;
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  text?: string;
  unmodifiedText?: string;
}

interface KeyDescription {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  /** The key with Shift held, for letters. */
  shifted?: string;
}

const NAMED: Record<string, KeyDescription> = {
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' },
  Backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  Delete: { key: 'Delete', code: 'Delete', keyCode: 46 },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  ArrowLeft: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  ArrowRight: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  Home: { key: 'Home', code: 'Home', keyCode: 36 },
  End: { key: 'End', code: 'End', keyCode: 35 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Control: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  ' ': { key: ' ', code: 'Space', keyCode: 32, text: ' ' },
  '-': { key: '-', code: 'Minus', keyCode: 189, text: '-' },
};
const MODIFIER_BITS: Record<string, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

function describe(name: string): KeyDescription {
  const named = NAMED[name];
  if (named) return named;
  if (/^[a-zA-Z]$/.test(name)) {
    const upper = name.toUpperCase();
    return { key: name, code: `Key${upper}`, keyCode: upper.charCodeAt(0), text: name, shifted: upper };
  }
  throw new Error(`No key description for ${JSON.stringify(name)}`);
}

/**
 * The events of one key or chord ("a", "Enter", "Shift+Tab", "Control+Shift+z"), the ones Playwright's
 * keyboard sends for it (US layout): modifiers down, the key down and up, modifiers up.
 */
export function keyEvents(chord: string): KeyEvent[] {
  const modifiers = chord.length > 1 ? chord.split('+') : [chord];
  const name = modifiers.pop()!;
  const events: KeyEvent[] = [];
  let held = 0;
  for (const modifier of modifiers) {
    held |= MODIFIER_BITS[modifier]!;
    const { key, code, keyCode } = describe(modifier);
    events.push({ type: 'rawKeyDown', modifiers: held, key, code, windowsVirtualKeyCode: keyCode });
  }
  const base = describe(name);
  const key = held & MODIFIER_BITS.Shift! && base.shifted ? base.shifted : base.key;
  // With Control, Alt or Meta held a key types nothing; with Shift alone it types its shifted character.
  const text = held & ~MODIFIER_BITS.Shift! ? undefined : held && base.shifted ? base.shifted : base.text;
  events.push({ type: text ? 'keyDown' : 'rawKeyDown', modifiers: held, key, code: base.code, windowsVirtualKeyCode: base.keyCode, text, unmodifiedText: text });
  events.push({ type: 'keyUp', modifiers: held, key, code: base.code, windowsVirtualKeyCode: base.keyCode });
  for (const modifier of modifiers.reverse()) {
    held &= ~MODIFIER_BITS[modifier]!;
    const { key: modifierKey, code, keyCode } = describe(modifier);
    events.push({ type: 'keyUp', modifiers: held, key: modifierKey, code, windowsVirtualKeyCode: keyCode });
  }
  return events;
}

/**
 * Sends keys as a text expander, a remote desktop or a fast typist on a busy machine delivers them: all at
 * once, each following the last without waiting for the page to answer. With `between`, one key at a time
 * instead, waiting on it after each.
 */
export async function sendKeys(cdp: CDPSession, chords: string[], between?: () => Promise<void>): Promise<void> {
  const events = chords.flatMap(keyEvents);
  if (!between) {
    await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event)));
    return;
  }
  for (const chord of chords) {
    for (const event of keyEvents(chord)) await cdp.send('Input.dispatchKeyEvent', event);
    await between();
  }
}
