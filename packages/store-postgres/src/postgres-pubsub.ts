import { type Logger, LoketError, loketMessage, type PubSub } from '@loket/core';
import type pg from 'pg';
import type { Db } from './postgres-db.js';
import { NOW_MS, quoteIdent, type TableNames } from './postgres-names.js';

/** NOTIFY payloads end at 8000 bytes; a longer message waits in the spill table and the payload names its row. */
const INLINE_BYTES = 7000;
/** Reconnect backoff of the LISTEN connection: from 100 ms, doubling, at most 5 s. */
const BACKOFF = { first: 100, max: 5000 };

type Payload = [topic: string, message: string] | [topic: string, message: null, spillId: string];

/** {@link PubSub} plus what the store itself needs from it. */
export interface PostgresPubSub extends PubSub {
  /** The `pg_notify` arguments for a short message: for a write that sends its own wake-up when it commits. */
  notice(topic: string, message: string): [channel: string, payload: string];
  close(): Promise<void>;
}

/**
 * Pub/sub between every process on the database, on LISTEN / NOTIFY over one channel per schema and prefix. One
 * pooled client is held for LISTEN from the first subscribe on; when its connection drops it is thrown away and
 * a new one listens again, with backoff (messages published meanwhile are missed, as with Redis pub/sub).
 * NOTIFY is transactional and delivered in commit order; a message too long for a payload is stored in the spill
 * table (pruned after a minute) and fetched by each listener.
 */
export function postgresPubSub(pool: Db, t: TableNames, logger: Logger): PostgresPubSub {
  const listeners = new Map<string, Set<(message: string) => void>>();
  let client: pg.PoolClient | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let delay = BACKOFF.first;

  const deliver = async (raw: string | undefined) => {
    const payload = JSON.parse(raw ?? '[]') as Payload;
    const [topic] = payload;
    const set = listeners.get(topic);
    if (!set || set.size === 0) return;
    let message = payload[1];
    if (message === null) {
      const { rows } = await pool.query<{ message: string }>(`SELECT message FROM ${t.spill} WHERE id = $1`, [
        payload[2],
      ]);
      message = rows[0]?.message ?? null;
      if (message === null) return;
    }
    for (const listener of [...set]) {
      try {
        listener(message);
      } catch (err) {
        logger.error({ err, topic }, '[loket] [store-postgres] a pub/sub listener threw');
      }
    }
  };

  const listen = async (): Promise<void> => {
    const c = await pool.connect();
    c.on('notification', (n) => {
      if (n.channel !== t.channel) return;
      deliver(n.payload).catch((err: unknown) =>
        logger.error({ err }, '[loket] [store-postgres] could not deliver a pub/sub message'),
      );
    });
    c.on('error', (err) => {
      logger.warn({ err }, '[loket] [store-postgres] the LISTEN connection dropped; listening again');
      if (client === c) client = undefined;
      c.release(err);
      if (!closed) void reconnect();
    });
    try {
      await c.query(`LISTEN ${quoteIdent(t.channel)}`);
    } catch (err) {
      c.release(err as Error);
      throw err;
    }
    client = c;
    delay = BACKOFF.first;
  };

  /** One LISTEN attempt at a time: concurrent subscribers and the reconnect loop share it. */
  const listenOnce = (): Promise<void> => {
    if (!connecting) {
      connecting = listen().finally(() => {
        connecting = undefined;
      });
    }
    return connecting;
  };

  const reconnect = async (): Promise<void> => {
    while (!closed && !client) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      delay = Math.min(delay * 2, BACKOFF.max);
      await listenOnce().catch(() => undefined);
    }
  };

  const publish = async (topic: string, message: string) => {
    const inline = JSON.stringify([topic, message] satisfies Payload);
    if (Buffer.byteLength(inline) <= INLINE_BYTES) {
      await pool.query('SELECT pg_notify($1, $2)', [t.channel, inline]);
      return;
    }
    // One statement: the row and its NOTIFY commit together, so no listener looks for a row that is not there.
    await pool.query(
      `WITH spilled AS (INSERT INTO ${t.spill} (message, at) VALUES ($2, ${NOW_MS}) RETURNING id)
       SELECT pg_notify($1, json_build_array($3::text, null, id::text)::text) FROM spilled`,
      [t.channel, message, topic],
    );
  };

  return {
    publish,
    notice: (topic, message) => [t.channel, JSON.stringify([topic, message] satisfies Payload)],
    async subscribe(topic, listener) {
      if (closed)
        throw new LoketError('CONFIG', loketMessage('store-postgres', 'subscribe after close(): the store is closed'));
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set);
      const mine = (message: string) => listener(message);
      set.add(mine);
      if (!client) {
        try {
          await listenOnce();
        } catch (err) {
          set.delete(mine);
          throw err;
        }
      }
      return async () => {
        set.delete(mine);
      };
    },
    async close() {
      closed = true;
      await connecting?.catch(() => undefined);
      const c = client;
      client = undefined;
      if (!c) return;
      await c.query(`UNLISTEN ${quoteIdent(t.channel)}`).catch(() => undefined);
      c.release();
    },
  };
}
