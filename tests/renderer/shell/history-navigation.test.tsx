import { describe, expect, it, vi } from 'vitest';
import { createHistoryNavigator, historyDirectionOfKey, SAME_PRESS_MS } from '#renderer/history-navigation';

const key = (key: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

describe('the keys for back and forward', () => {
  it('are Alt+← and Alt+→ on Windows and Linux', () => {
    expect(historyDirectionOfKey(key('ArrowLeft', { altKey: true }), false)).toBe('back');
    expect(historyDirectionOfKey(key('ArrowRight', { altKey: true }), false)).toBe('forward');
    expect(historyDirectionOfKey(key('ArrowLeft'), false)).toBeNull();
    expect(historyDirectionOfKey(key('ArrowLeft', { altKey: true, shiftKey: true }), false)).toBeNull();
    expect(historyDirectionOfKey(key('[', { metaKey: true }), false)).toBeNull();
  });

  it('are Cmd+[ and Cmd+] on a Mac, where Option+← moves by word', () => {
    expect(historyDirectionOfKey(key('[', { metaKey: true }), true)).toBe('back');
    expect(historyDirectionOfKey(key(']', { metaKey: true }), true)).toBe('forward');
    expect(historyDirectionOfKey(key('ArrowLeft', { altKey: true }), true)).toBeNull();
  });
});

describe('one press, one step', () => {
  it('takes a press that arrived both as a mouse button and from the shell once, in either order', () => {
    let time = 0;
    const history = { back: vi.fn(), forward: vi.fn() };
    const go = createHistoryNavigator(history, () => time);
    expect(go('back', 'mouse')).toBe(true);
    time += 30;
    expect(go('back', 'shell')).toBe(false);
    time += 1000;
    expect(go('back', 'shell')).toBe(true);
    time += 30;
    expect(go('back', 'mouse')).toBe(false);
    expect(history.back).toHaveBeenCalledTimes(2);
  });

  it('goes as many steps as quick presses of the same button', () => {
    let time = 0;
    const history = { back: vi.fn(), forward: vi.fn() };
    const go = createHistoryNavigator(history, () => time);
    go('back', 'keys');
    time += SAME_PRESS_MS / 5;
    go('back', 'keys');
    time += SAME_PRESS_MS / 5;
    go('forward', 'shell');
    expect(history.back).toHaveBeenCalledTimes(2);
    expect(history.forward).toHaveBeenCalledTimes(1);
  });
});
