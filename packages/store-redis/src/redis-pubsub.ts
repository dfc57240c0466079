import { LoketError, type Logger, type PubSub, loketMessage } from '@loket/core';
import { type RedisScriptClient, lua, runScript } from './redis-script.js';
import { isConnectionError } from './redis-unreachable.js';

/** What the subscriber connection needs of a node-redis client. */
export interface RedisSubscriber {
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  unsubscribe(channel: string, listener: (message: string) => void): Promise<void>;
}

const PUBLISH = lua(`return redis.call('PUBLISH', ARGV[1], ARGV[2])`);

/**
 * Pub/sub of `redisStore` between every process on the server: publishes on the store's client, listens on one
 * dedicated subscriber connection (a connection in subscribe mode can run nothing else). Channels are named
 * under the key prefix, so deployments sharing a server do not hear each other.
 */
export function redisPubSub(
  client: () => Promise<RedisScriptClient>,
  subscriber: () => Promise<RedisSubscriber>,
  channelOf: (topic: string) => string,
  logger: Logger,
): PubSub {
  return {
    async publish(topic, message) {
      await runScript(await client(), PUBLISH, [], [channelOf(topic), message]);
    },
    async subscribe(topic, listener) {
      const channel = channelOf(topic);
      // A wrapper per subscription: unsubscribing removes this one, and a listener's failure stays its own.
      const own = (message: string) => {
        try {
          listener(message);
        } catch (err) {
          logger.error({ err }, '[loket] [store-redis] a pub/sub listener failed');
        }
      };
      const sub = await subscriber();
      await sub.subscribe(channel, own);
      return async () => {
        try {
          await sub.unsubscribe(channel, own);
        } catch (err) {
          // node-redis drops the listener before it sends UNSUBSCRIBE: on a lost connection it is gone already,
          // and the reconnect will not subscribe it again.
          if (!isConnectionError(err)) throw err;
          logger.warn({ err }, '[loket] [store-redis] unsubscribed while the connection is down');
        }
      };
    },
  };
}

/** The error for a caller's client that cannot open a subscriber connection. */
export function noSubscriber(): LoketError {
  return new LoketError(
    'CONFIG',
    loketMessage(
      'store-redis',
      'client has no duplicate(): pass a node-redis client so pub/sub can open its connection',
    ),
  );
}
