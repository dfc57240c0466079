import { memoryConversations } from './memory-conversations.js';
import { memoryDedupe } from './memory-dedupe.js';
import { memoryInbox } from './memory-inbox.js';
import { memoryLocks } from './memory-locks.js';
import { memoryLog } from './memory-log.js';
import { memoryOutbox } from './memory-outbox.js';
import { memoryMessages } from './memory-messages.js';
import type { Store } from './store.js';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** The clock for leases, claims, locks and TTLs (ms since the epoch). Tests inject a fake one. */
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
  return {
    name: 'memory',
    durable: false,
    inbox: memoryInbox(now),
    outbox: memoryOutbox(now),
    dedupe: memoryDedupe(now),
    conversations: memoryConversations(),
    messages: memoryMessages(now),
    locks: memoryLocks(now),
    log: memoryLog(),
    // Nothing to flush or disconnect; the data stays readable so tests can inspect it after a gateway closed.
    async close() {},
  };
}
