import type { Logger } from '@loket/core';
import { createClient } from 'redis';
import type { RedisScriptClient } from './redis-script.js';

/** The client the store talks through: ready() waits for the connection; close() ends only what the store opened. */
export interface RedisConnection {
  ready(): Promise<RedisScriptClient>;
  close(): Promise<void>;
}

/**
 * Uses the caller's client as it is, or opens one for `url`. Calls wait for the first connection; after that,
 * while node-redis reconnects, they fail at once instead of queueing (no offline queue): the gateway then answers
 * 503 and the platform retries, rather than a queued enqueue landing minutes after that answer. Errors are logged
 * (an 'error' event without a listener would crash the process).
 */
export function redisConnection(options: {
  url?: string;
  client?: RedisScriptClient;
  logger: Logger;
}): RedisConnection {
  const given = options.client;
  if (given) return { ready: async () => given, close: async () => {} };

  const client = createClient({ url: options.url, disableOfflineQueue: true });
  client.on('error', (err: unknown) =>
    options.logger.error({ err }, '[loket] [store-redis] connection error; node-redis reconnects on its own'),
  );
  const connected = client.connect().then(() => client as unknown as RedisScriptClient);
  // A failed first connect must not become an unhandled rejection; each call awaiting `connected` sees it.
  connected.catch((err: unknown) => options.logger.error({ err }, '[loket] [store-redis] could not connect'));

  return {
    ready: () => connected,
    async close() {
      if (!client.isOpen) return;
      await client.close();
    },
  };
}
