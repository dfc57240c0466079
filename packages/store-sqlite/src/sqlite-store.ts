import { type Store, memoryPubSub } from '@loket/core';
import { sqliteContacts } from './sqlite-contacts.js';
import { sqliteConversations } from './sqlite-conversations.js';
import { sqliteDedupe } from './sqlite-dedupe.js';
import { sqliteInbox } from './sqlite-inbox.js';
import { sqliteKv } from './sqlite-kv.js';
import { sqliteLocks } from './sqlite-locks.js';
import { sqliteLog } from './sqlite-log.js';
import { sqliteMessages } from './sqlite-messages.js';
import { openDatabase } from './sqlite-open.js';
import { sqliteOutbox } from './sqlite-outbox.js';
import { sqlitePrivacy } from './sqlite-privacy.js';
import { type SqliteStoreOptions, resolveSqliteOptions } from './sqlite-options.js';
import { type PruneResult, createPruner, schedulePruning } from './sqlite-pruning.js';
import { sqliteRates } from './sqlite-rates.js';

/** A {@link Store} on one SQLite file, with a way to run the retention sweep by hand. */
export interface SqliteStore extends Store {
  /** Runs the retention sweep now (it also runs on a timer); says how many rows it removed. */
  prune(): Promise<PruneResult>;
}

/**
 * A durable Store in one SQLite file (WAL mode): an enqueued request survives a crash of the process, and several
 * processes on one machine may share the file (writes take the lock with BEGIN IMMEDIATE and wait for it up to
 * `busyTimeoutMs`). The default for a single gateway process; use `redisStore` to spread work over machines.
 *
 * @example
 * import { createGateway } from '@loket/core';
 * import { sqliteStore } from '@loket/store-sqlite';
 *
 * const store = sqliteStore({ path: './loket.db', retention: { logDays: 30 } });
 * const gateway = createGateway({ channels: [whatsapp({ ... })], store });
 */
export function sqliteStore(options: SqliteStoreOptions): SqliteStore {
  const resolved = resolveSqliteOptions(options);
  const { now, logger } = resolved;
  const db = openDatabase(resolved);
  const prune = createPruner(db, resolved);
  const stopPruning = schedulePruning(prune, resolved.sweepEveryMs, (err) =>
    logger.error(
      { err, path: resolved.path },
      '[loket] [store-sqlite] retention sweep failed; the next one will try again',
    ),
  );

  return {
    name: 'sqlite',
    // ':memory:' is gone with the process; every file-backed store keeps its commits.
    durable: resolved.path !== ':memory:',
    inbox: sqliteInbox(db, now),
    outbox: sqliteOutbox(db, now),
    dedupe: sqliteDedupe(db, now),
    conversations: sqliteConversations(db),
    messages: sqliteMessages(db, now),
    locks: sqliteLocks(db, now),
    log: sqliteLog(db),
    contacts: sqliteContacts(db),
    kv: sqliteKv(db, now),
    rates: sqliteRates(db, now),
    // In-process, as the Store contract has it for SQLite: other processes on the file do not see these messages.
    privacy: sqlitePrivacy(db),
    pubsub: memoryPubSub((err) => logger.error({ err }, '[loket] [store-sqlite] a pub/sub listener failed')),
    async prune() {
      return prune();
    },
    async close() {
      stopPruning();
      if (db.open) db.close();
    },
  };
}
