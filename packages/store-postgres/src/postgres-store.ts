import type { Store } from '@loket/core';
import { type PostgresConnection, postgresConnection, connectError } from './postgres-connection.js';
import { postgresContacts } from './postgres-contacts.js';
import { clockedDb } from './postgres-db.js';
import { postgresConversations } from './postgres-conversations.js';
import { postgresDedupe } from './postgres-dedupe.js';
import { postgresInbox } from './postgres-inbox.js';
import { postgresKv } from './postgres-kv.js';
import { postgresLocks } from './postgres-locks.js';
import { postgresLog } from './postgres-log.js';
import { postgresMessages } from './postgres-messages.js';
import { migrate } from './postgres-migrate.js';
import { tableNames } from './postgres-names.js';
import {
  type PostgresConnection as PostgresConnectionOptions,
  type PostgresStoreOptions,
  resolvePostgresOptions,
} from './postgres-options.js';
import { postgresOutbox } from './postgres-outbox.js';
import { postgresPrivacy } from './postgres-privacy.js';
import { type PruneResult, createPruner, schedulePruning } from './postgres-pruning.js';
import { postgresPubSub } from './postgres-pubsub.js';
import { postgresRates } from './postgres-rates.js';
import { STORE_WORK_TOPIC } from '@loket/core';

/** A {@link Store} on PostgreSQL, with the retention sweep by hand and the connection it runs on. */
export interface PostgresStore extends Store {
  /** Runs the retention sweep now (it also runs on a timer); says how many rows it removed. */
  prune(): Promise<PruneResult>;
  /** The database, password redacted (`postgres://loket:***@db:5432/app`). */
  readonly database: string;
}

/**
 * A Store on PostgreSQL that many gateway processes share, in a database the team already runs and backs up:
 * an inbox item goes to exactly one worker (FOR UPDATE SKIP LOCKED), an item whose worker died is leased again
 * once its lease runs out, and an event id is handled once across all of them. Resolves once the database
 * answered and the schema is migrated (versioned; a schema from a newer version is refused). New work wakes
 * idle workers in every process through NOTIFY, with polling as the safety net.
 *
 * @example
 * import { createGateway } from '@loket/core';
 * import { postgresStore } from '@loket/store-postgres';
 *
 * const store = await postgresStore({ connectionString: process.env.DATABASE_URL! }, { schema: 'loket' });
 * const gateway = createGateway({ channels: [whatsapp({ ... })], store });
 */
export async function postgresStore(
  connection: PostgresConnectionOptions,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const o = resolvePostgresOptions(connection, options);
  const { logger } = o;
  const conn: PostgresConnection = postgresConnection(o, logger);
  const pool = clockedDb(conn.pool, o.now);
  const t = tableNames(o.schema, o.tablePrefix);
  try {
    await migrate(pool, t, o.migrate);
  } catch (err) {
    await conn.close();
    if ((err as { name?: string }).name === 'LoketError') throw err;
    throw connectError(err, conn.description);
  }

  const pubsub = postgresPubSub(pool, t, logger);
  const prune = createPruner(pool, t, o);
  const stopPruning = schedulePruning(prune, o.sweepEveryMs, (err) =>
    logger.error(
      { err, database: conn.description },
      '[loket] [store-postgres] retention sweep failed; the next one will try again',
    ),
  );
  let closing: Promise<void> | undefined;

  return {
    name: 'postgres',
    // Items live in the database: a gateway process that dies loses nothing (an acknowledged webhook is committed).
    durable: true,
    database: conn.description,
    inbox: postgresInbox(pool, t.inbox, pubsub.notice(STORE_WORK_TOPIC, 'inbox')),
    outbox: postgresOutbox(pool, t.outbox, pubsub.notice(STORE_WORK_TOPIC, 'outbox')),
    dedupe: postgresDedupe(pool, t.dedupe),
    conversations: postgresConversations(pool, t.conversations),
    messages: postgresMessages(pool, t.messages),
    locks: postgresLocks(pool, t.locks),
    log: postgresLog(pool, t),
    contacts: postgresContacts(pool, t.contacts),
    kv: postgresKv(pool, t.kv),
    rates: postgresRates(pool, t.rates),
    pubsub,
    privacy: postgresPrivacy(pool, t, { vacuum: o.eraseVacuum, logger }),
    prune,
    close() {
      closing ??= (async () => {
        stopPruning();
        await pubsub.close();
        await conn.close();
      })();
      return closing;
    },
  };
}
