import WebSocket from 'ws';
import { createWebchatClient, type WebchatClient } from '../src/client/index.js';
import type { WebchatClientOptions } from '../src/client/client-options.js';
import type { StorageLike } from '../src/client/storage.js';
import type { WebSocketConstructor } from '../src/client/transport.js';

/** A Web Storage stand-in backed by a Map, for Node tests. */
export class MapStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** A client for Node tests: `ws` as its WebSocket, a Map as its storage, clients closed by `stopAll`. */
export function nodeClient(server: string, options: Partial<WebchatClientOptions> = {}): WebchatClient {
  const client = createWebchatClient({
    server,
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    storage: new MapStorage(),
    ...options,
  });
  started.add(client);
  return client;
}

const started = new Set<WebchatClient>();

/** Stops every client `nodeClient` made. */
export function stopAll(): void {
  for (const c of started) c.stop();
  started.clear();
}

/** The texts a client shows, in order. */
export function shownTexts(client: WebchatClient): string[] {
  return client.messages().map((m) => (m.content as { text?: string }).text ?? `[${m.content.type}]`);
}
