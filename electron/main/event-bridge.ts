import type { EventName, EventPayload } from '#shared/ipc/contract';

export const EVENT_CHANNEL = 'afterview:event';

interface Target {
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

/**
 * Main→renderer events, held until the window says it is ready, so a tray
 * click or notification that arrives while the page loads is not dropped.
 */
export class EventBridge {
  private target: Target | null = null;
  private ready = false;
  private queue: { name: EventName; payload: unknown }[] = [];

  attach(target: Target): void {
    this.target = target;
    this.ready = false;
  }

  /** True when an event sent now reaches a listening page (not queued for a page still loading). */
  isReady(): boolean {
    return this.ready && this.target !== null && !this.target.isDestroyed();
  }

  markReady(): void {
    this.ready = true;
    const pending = this.queue;
    this.queue = [];
    for (const item of pending) this.deliver(item.name, item.payload);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (!this.ready || !this.target || this.target.isDestroyed()) {
      this.queue.push({ name, payload });
      return;
    }
    this.deliver(name, payload);
  }

  private deliver(name: EventName, payload: unknown): void {
    this.target?.send(EVENT_CHANNEL, { name, payload });
  }
}
