import type { ServerResponse } from 'node:http';
import type { EventName, EventPayload } from '#shared/ipc/contract';

/** Loopback needs no keep-alive, but a comment now and then finds clients that went away. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events to the preview's pages: the browser stand-in for the
 * desktop shell's main→renderer events.
 */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly headers: Record<string, string>) {
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Keeps the response open as an event stream until the page goes. */
  add(response: ServerResponse): void {
    response.writeHead(200, { ...this.headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    // Tells EventSource how soon to reconnect after the server restarts.
    response.write('retry: 2000\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
