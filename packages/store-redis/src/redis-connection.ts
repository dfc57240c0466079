import type { Logger } from '@loket/core';
import { createClient } from 'redis';
import { type RedisSubscriber, noSubscriber } from './redis-pubsub.js';
import { type Connectable, closeWithin, readiness } from './redis-readiness.js';
import type { RedisScriptClient } from './redis-script.js';
import { redisClosed, redisUnreachable, withTypedErrors } from './redis-unreachable.js';

/** The client the store talks through: ready() answers it only when it can take a command; close() ends only what the store opened. */
export interface RedisConnection {
  ready(): Promise<RedisScriptClient>;
  /** The subscriber connection, opened on first use (a duplicate of the client), closed with the store. */
  subscriber(): Promise<RedisSubscriber>;
  close(): Promise<void>;
}

interface Duplicable {
  duplicate(): Connectable & { connect(): Promise<unknown> };
}

/** How the connection behaves: where it goes (for messages) and how long a connect or a close may take. */
interface ConnectionOptions {
  url?: string;
  client?: RedisScriptClient;
  logger: Logger;
  connectTimeoutMs: number;
}

/**
 * Opens the subscriber connection lazily from `base`, waiting at most `connectTimeoutMs` for it; a failed open is
 * dropped, so the next subscribe tries again. Closed once, with the store.
 */
function subscriberOf(base: () => Promise<RedisScriptClient>, o: ConnectionOptions) {
  let opened: (Connectable & { connect(): Promise<unknown> }) | undefined;
  let pending: Promise<RedisSubscriber> | undefined;
  const open = async (): Promise<RedisSubscriber> => {
    const source = (await base()) as unknown as Partial<Duplicable>;
    if (typeof source.duplicate !== 'function') throw noSubscriber();
    const sub = source.duplicate();
    sub.on('error', (err) =>
      o.logger.error({ err }, '[loket] [store-redis] subscriber connection error; node-redis reconnects on its own'),
    );
    const state = readiness(sub, o.url, o.connectTimeoutMs);
    opened = sub;
    sub
      .connect()
      .catch((err: unknown) => o.logger.error({ err }, '[loket] [store-redis] subscriber could not connect'));
    try {
      await state.wait();
    } catch (err) {
      opened = undefined;
      if (sub.isOpen) sub.destroy();
      throw err;
    }
    return sub as unknown as RedisSubscriber;
  };
  return {
    get(): Promise<RedisSubscriber> {
      pending ??= open().catch((err: unknown) => {
        pending = undefined;
        throw err;
      });
      return pending;
    },
    async close() {
      if (opened)
        await closeWithin(opened, o.connectTimeoutMs, (err) =>
          o.logger.warn({ err }, '[loket] [store-redis] closing the subscriber connection failed'),
        );
    },
  };
}

/** A caller's client that says it is not ready (connecting, reconnecting) fails at once rather than queueing. */
function givenConnection(given: RedisScriptClient, o: ConnectionOptions): RedisConnection {
  const state = given as unknown as { isReady?: unknown };
  const typed = withTypedErrors(given, undefined);
  const raw = async () => {
    if (state.isReady === false) throw redisUnreachable(undefined, new Error('the client is not connected'));
    return given;
  };
  const sub = subscriberOf(raw, o);
  return { ready: () => raw().then(() => typed), subscriber: sub.get, close: () => sub.close() };
}

/**
 * Uses the caller's client as it is, or opens one for `url`. A call waits for the first connection at most
 * `connectTimeoutMs`; whenever the connection is down (refused at start, or lost later while node-redis
 * reconnects), calls fail at once with `NETWORK` naming the URL (password redacted) instead of queueing (no
 * offline queue): the gateway then answers 503 and the platform retries, rather than a queued enqueue landing
 * minutes after that answer. Errors are logged (an 'error' event without a listener would crash the process).
 */
export function redisConnection(o: ConnectionOptions): RedisConnection {
  if (o.client) return givenConnection(o.client, o);

  const client = createClient({
    url: o.url,
    disableOfflineQueue: true,
    socket: { connectTimeout: o.connectTimeoutMs },
  });
  client.on('error', (err: unknown) =>
    o.logger.error({ err }, '[loket] [store-redis] connection error; node-redis reconnects on its own'),
  );
  const state = readiness(client as unknown as Connectable, o.url, o.connectTimeoutMs);
  // Runs until the first connection is ready (node-redis retries with backoff) or the store is closed.
  client.connect().catch((err: unknown) => o.logger.error({ err }, '[loket] [store-redis] could not connect'));
  let closed = false;

  const typed = withTypedErrors(client as unknown as RedisScriptClient, o.url);
  const raw = async (): Promise<RedisScriptClient> => {
    if (closed) throw redisClosed();
    await state.wait();
    return client as unknown as RedisScriptClient;
  };
  const sub = subscriberOf(raw, o);
  return {
    ready: () => raw().then(() => typed),
    subscriber: sub.get,
    async close() {
      if (closed) return;
      closed = true;
      await sub.close();
      await closeWithin(client as unknown as Connectable, o.connectTimeoutMs, (err) =>
        o.logger.warn({ err }, '[loket] [store-redis] closing the connection failed'),
      );
    },
  };
}
