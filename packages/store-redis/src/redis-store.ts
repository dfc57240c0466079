import type { Store } from '@loket/core';
import { redisConnection } from './redis-connection.js';
import { redisContacts } from './redis-contacts.js';
import { redisConversations } from './redis-conversations.js';
import { redisDedupe } from './redis-dedupe.js';
import { redisInbox } from './redis-inbox.js';
import { keyLayout } from './redis-keys.js';
import { redisKv } from './redis-kv.js';
import { redisLocks } from './redis-locks.js';
import { redisLog } from './redis-log.js';
import { redisMessages } from './redis-messages.js';
import { redisOutbox } from './redis-outbox.js';
import { type RedisStoreOptions, resolveRedisOptions } from './redis-options.js';
import { redisPrivacy } from './redis-privacy.js';
import { redisPubSub } from './redis-pubsub.js';
import { redisRates } from './redis-rates.js';

/**
 * A Store on Redis that many gateway processes share: an inbox item goes to exactly one worker, an item whose
 * worker died is leased again once its lease runs out, and an event id is handled once across all of them.
 * Every step is one Lua script (atomic); lease, retry and status times come from the Redis server's clock.
 * One conversation's keys share a hash tag, so the layout works on Redis Cluster.
 *
 * @example
 * import { createGateway } from '@loket/core';
 * import { redisStore } from '@loket/store-redis';
 *
 * const store = redisStore({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: 'shop:' });
 * const gateway = createGateway({ channels: [whatsapp({ ... })], store });
 */
export function redisStore(options: RedisStoreOptions): Store {
  const o = resolveRedisOptions(options);
  const connection = redisConnection(o);
  const client = connection.ready;
  const keys = keyLayout(o.keyPrefix);

  const inbox = redisInbox(client, keys.inbox);
  const outbox = redisOutbox(client, keys.outbox);
  return {
    name: 'redis',
    // Items live on the server: a gateway process that dies loses nothing (persistence is the server's AOF/RDB).
    durable: true,
    inbox,
    outbox,
    dedupe: redisDedupe(client, keys.dedupe),
    conversations: redisConversations(client, keys.conversation),
    messages: redisMessages(client, keys.message, o.messageKeepMs),
    locks: redisLocks(client, keys.lock),
    log: redisLog(client, keys.log, keys.logIndex, o.logKeepMs),
    contacts: redisContacts(client, { of: keys.contactOf, contact: keys.contact }),
    kv: redisKv(client, keys.kv),
    rates: redisRates(client, keys.rate),
    privacy: redisPrivacy(client, keys, o.keyPrefix, { inbox, outbox }),
    pubsub: redisPubSub(client, connection.subscriber, keys.channel, o.logger),
    close: () => connection.close(),
  };
}
