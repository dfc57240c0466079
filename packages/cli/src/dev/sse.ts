import type { ServerResponse } from 'node:http';
import type { Timeline, TimelineItem } from './timeline.js';

/** Open Server-Sent-Event streams, so the dev server can end them on close. */
export class SseHub {
  readonly #clients = new Set<ServerResponse>();

  /** Starts a stream: the items after `after`, then every new one as `data:` lines, with a keep-alive comment. */
  open(res: ServerResponse, timeline: Timeline, after: number): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    const send = (item: TimelineItem): void => {
      res.write(`id: ${item.seq}\ndata: ${JSON.stringify(item)}\n\n`);
    };
    for (const item of timeline.since(after)) send(item);
    timeline.on('item', send);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    keepAlive.unref();
    this.#clients.add(res);
    res.on('close', () => {
      clearInterval(keepAlive);
      timeline.off('item', send);
      this.#clients.delete(res);
    });
  }

  /** Ends every stream (the browser reconnects to the next server). */
  closeAll(): void {
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }
}
