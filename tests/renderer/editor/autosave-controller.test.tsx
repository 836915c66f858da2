import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveController, type AutosaveStatus } from '#renderer/editor/autosave-controller';

/** A save function whose calls the test settles by hand. */
function manualSave() {
  const calls: { content: string; resolve(): void; reject(error: Error): void }[] = [];
  const save = vi.fn(
    (content: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push({ content, resolve, reject });
      }),
  );
  return { save, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AutosaveController', () => {
  it('coalesces a burst of typing into one save of the latest content', async () => {
    const save = vi.fn(async () => undefined);
    const statuses: AutosaveStatus['kind'][] = [];
    const controller = new AutosaveController<string>({ save, onStatus: (status) => statuses.push(status.kind) });
    for (const text of ['h', 'he', 'hel', 'hell', 'hello']) {
      controller.change(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save).not.toHaveBeenCalled();
    expect(controller.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith('hello');
    expect(controller.hasUnsavedChanges).toBe(false);
    expect(statuses).toEqual(['saving', 'saved']);
  });

  it('keeps one save in flight and queues exactly one more with the newest content', async () => {
    const { save, calls } = manualSave();
    const controller = new AutosaveController<string>({ save });
    controller.change('a');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);

    controller.change('ab');
    await vi.advanceTimersByTimeAsync(400);
    controller.change('abc');
    await vi.advanceTimersByTimeAsync(400);
    // The first save has not answered: nothing else may start.
    expect(save).toHaveBeenCalledTimes(1);

    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('abc');
    expect(controller.hasUnsavedChanges).toBe(true);

    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(controller.hasUnsavedChanges).toBe(false);
    expect(controller.status).toEqual({ kind: 'saved' });
  });

  it('keeps the content after a failure and retries with growing delays until it is saved', async () => {
    let failuresLeft = 2;
    const save = vi.fn(async (_content: string) => {
      if (failuresLeft-- > 0) throw new Error('The vault is busy.');
    });
    const controller = new AutosaveController<string>({ save, retryMs: 1000 });
    controller.change('keep me');
    await vi.advanceTimersByTimeAsync(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(controller.status).toEqual({ kind: 'error', message: 'The vault is busy.' });
    expect(controller.hasUnsavedChanges).toBe(true);

    await vi.advanceTimersByTimeAsync(999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    // Second failure: the wait doubles.
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save.mock.calls.every(([content]) => content === 'keep me')).toBe(true);
    expect(controller.status).toEqual({ kind: 'saved' });
    expect(controller.hasUnsavedChanges).toBe(false);
  });

  it('retries with newer content when the user typed during the failure', async () => {
    const { save, calls } = manualSave();
    const controller = new AutosaveController<string>({ save, retryMs: 1000 });
    controller.change('one');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.reject(new Error('offline'));
    await vi.advanceTimersByTimeAsync(0);
    controller.change('one two');
    // Typing neither hides the error nor jumps the retry queue.
    expect(controller.status.kind).toBe('error');
    await vi.advanceTimersByTimeAsync(999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenLastCalledWith('one two');
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.status).toEqual({ kind: 'saved' });
  });

  it('flush saves at once and resolves only when the latest content is durable', async () => {
    const { save, calls } = manualSave();
    const controller = new AutosaveController<string>({ save });
    await expect(controller.flush()).resolves.toBeUndefined();
    expect(save).not.toHaveBeenCalled();

    controller.change('draft');
    let flushed = false;
    void controller.flush().then(() => (flushed = true));
    // No debounce wait: flush starts the save immediately.
    expect(save).toHaveBeenCalledWith('draft');
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(true);
  });

  it('flush during a save waits for a follow-up save of the newer content, through failures', async () => {
    const { save, calls } = manualSave();
    const controller = new AutosaveController<string>({ save, retryMs: 500 });
    controller.change('v1');
    await vi.advanceTimersByTimeAsync(400);
    controller.change('v2');
    let flushed = false;
    void controller.flush().then(() => (flushed = true));
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(false);
    expect(save).toHaveBeenLastCalledWith('v2');
    calls[1]!.reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(500);
    expect(flushed).toBe(false);
    expect(save).toHaveBeenCalledTimes(3);
    calls[2]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toBe(true);
    expect(controller.hasUnsavedChanges).toBe(false);
  });

  it('treats a save function that throws at once like a failed save', async () => {
    let calls = 0;
    const controller = new AutosaveController<string>({
      save: () => {
        calls += 1;
        if (calls === 1) throw new Error('not ready');
        return Promise.resolve();
      },
      retryMs: 100,
    });
    controller.change('x');
    await vi.advanceTimersByTimeAsync(400);
    expect(controller.status).toEqual({ kind: 'error', message: 'not ready' });
    await vi.advanceTimersByTimeAsync(100);
    expect(controller.status).toEqual({ kind: 'saved' });
  });
});
