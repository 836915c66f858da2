/**
 * Long file work (packing a backup, checking one, unpacking one) is written
 * once, as a generator that yields after each chunk. At start, before the
 * vault opens, it runs straight through; in a running app it gives the event
 * loop a turn at every yield, so IPC and saves keep flowing meanwhile.
 */
export type Steps<T> = Generator<void, T, void>;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runInTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
