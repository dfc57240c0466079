import type { Logger } from '@loket/core';
import { createClient } from 'redis';
import { type RedisSubscriber, noSubscriber } from './redis-pubsub.js';
import type { RedisScriptClient } from './redis-script.js';

/** The client the store talks through: ready() waits for the connection; close() ends only what the store opened. */
export interface RedisConnection {
  ready(): Promise<RedisScriptClient>;
  /** The subscriber connection, opened on first use (a duplicate of the client), closed with the store. */
  subscriber(): Promise<RedisSubscriber>;
  close(): Promise<void>;
}

interface Duplicable {
  duplicate(): {
    connect(): Promise<unknown>;
    close(): Promise<void>;
    isOpen: boolean;
    on(e: string, f: (err: unknown) => void): unknown;
  };
}

/** Opens the subscriber connection lazily from `base` and closes it once. */
function subscriberOf(base: () => Promise<RedisScriptClient>, logger: Logger) {
  let opened: ReturnType<Duplicable['duplicate']> | undefined;
  let pending: Promise<RedisSubscriber> | undefined;
  return {
    get(): Promise<RedisSubscriber> {
      pending ??= base().then(async (client) => {
        const source = client as unknown as Partial<Duplicable>;
        if (typeof source.duplicate !== 'function') throw noSubscriber();
        const sub = source.duplicate();
        sub.on('error', (err) =>
          logger.error({ err }, '[loket] [store-redis] subscriber connection error; node-redis reconnects on its own'),
        );
        opened = sub;
        await sub.connect();
        return sub as unknown as RedisSubscriber;
      });
      return pending;
    },
    async close() {
      if (opened?.isOpen) await opened.close();
    },
  };
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
  if (given) {
    const sub = subscriberOf(async () => given, options.logger);
    return { ready: async () => given, subscriber: sub.get, close: () => sub.close() };
  }

  const client = createClient({ url: options.url, disableOfflineQueue: true });
  client.on('error', (err: unknown) =>
    options.logger.error({ err }, '[loket] [store-redis] connection error; node-redis reconnects on its own'),
  );
  const connected = client.connect().then(() => client as unknown as RedisScriptClient);
  // A failed first connect must not become an unhandled rejection; each call awaiting `connected` sees it.
  connected.catch((err: unknown) => options.logger.error({ err }, '[loket] [store-redis] could not connect'));

  const sub = subscriberOf(() => connected, options.logger);
  return {
    ready: () => connected,
    subscriber: sub.get,
    async close() {
      await sub.close();
      if (!client.isOpen) return;
      await client.close();
    },
  };
}
