import { memoryContacts } from './memory-contacts.js';
import { memoryConversations } from './memory-conversations.js';
import { memoryDedupe } from './memory-dedupe.js';
import { erasableInbox } from './memory-erasable-inbox.js';
import { memoryInbox } from './memory-inbox.js';
import { memoryKv } from './memory-kv.js';
import { memoryLocks } from './memory-locks.js';
import { memoryLog } from './memory-log.js';
import { memoryMessages } from './memory-messages.js';
import { memoryOutbox } from './memory-outbox.js';
import { memoryPrivacy } from './memory-privacy.js';
import { memoryPubSub } from './memory-pubsub.js';
import { memoryRates } from './memory-rates.js';
import type { Store } from './store.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** The clock for leases, claims, locks, TTLs and rates (ms since the epoch). Tests inject a fake one. */
  now?: () => number;
}

/**
 * A Store that keeps everything in this process's memory: for tests and local development. Nothing survives a
 * restart (`durable: false`), and several processes cannot share it; use `sqliteStore` or `redisStore` for that.
 *
 * @example
 * let clock = 0;
 * const store = memoryStore({ now: () => clock });
 * const gateway = createGateway({ channels: [adapter], store });
 */
export function memoryStore(options: MemoryStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const parts = {
    inbox: erasableInbox(memoryInbox(now), now),
    outbox: memoryOutbox(now),
    dedupe: memoryDedupe(now),
    conversations: memoryConversations(),
    messages: memoryMessages(now),
    log: memoryLog(),
    contacts: memoryContacts(),
    kv: memoryKv(now),
  };
  return {
    name: 'memory',
    durable: false,
    ...parts,
    locks: memoryLocks(now),
    rates: memoryRates(now),
    pubsub: memoryPubSub(),
    privacy: memoryPrivacy(parts),
    // Nothing to flush or disconnect; the data stays readable so tests can inspect it after a gateway closed.
    async close() {},
  };
}
