import type { ChannelId, DeadLetter, InboxEntry, InboxStore, LeasedItem } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';
import { batchWhileBusy } from './postgres-batcher.js';
import { idParam, postgresQueue } from './postgres-queue.js';

/** An inbox row as the driver returns it. */
export interface InboxRow {
  id: string;
  channel: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  received_at: string;
  state: 'queued' | 'dead';
  attempts: number;
  lease_token: string;
  error: string | null;
  failed_at: string | null;
  failed_events: string[] | null;
}

/** An inbox row as the entry the gateway stored. */
export function inboxEntryOf(row: InboxRow): InboxEntry {
  return {
    channel: row.channel as ChannelId,
    // A plain Uint8Array copy: callers compare and keep it without sharing the driver's Buffer.
    request: { method: row.method, url: row.url, headers: row.headers, body: new Uint8Array(row.body) },
    receivedAt: Number(row.received_at),
  };
}

/** An inbox row in the `dead` state as the dead letter it is. */
export function deadLetterOf(row: InboxRow): DeadLetter {
  return {
    ...inboxEntryOf(row),
    id: String(row.id),
    attempts: row.attempts,
    error: row.error ?? '',
    failedAt: Number(row.failed_at ?? 0),
    failedEvents: row.failed_events ?? [],
  };
}

/**
 * The inbox of `postgresStore`: one table on the shared {@link postgresQueue} core, where `state` is `queued` or
 * `dead`. The raw body is `bytea`, so bytes that are not UTF-8 come back exactly. Ack deletes the row; a dead
 * letter keeps its bytes for replay. Enqueues made together share one multi-row INSERT (see {@link batchWhileBusy}),
 * which also sends `wake` (the `pg_notify` arguments that wake every process's workers) when it commits.
 */
export function postgresInbox(pool: Db, table: string, wake: [channel: string, payload: string]): InboxStore {
  const queue = postgresQueue<InboxRow>(pool, table);
  const ack = queue.whileHeld(`DELETE FROM ${table}`);
  const bury = queue.whileHeld(
    `UPDATE ${table} SET state = 'dead', lease_token = NULL, error = $1, failed_at = ${NOW_MS}, failed_events = $2`,
  );

  const insertAll = async (entries: InboxEntry[]): Promise<string[]> => {
    // One VALUES row per entry, each body its own parameter: the driver sends a Buffer as binary, where a bytea[]
    // array would be hex-encoded and escaped in JavaScript first.
    const params: unknown[] = [...wake];
    const rows = entries.map(({ channel, request: { method, url, headers, body }, receivedAt }) => {
      const at = params.length;
      params.push(
        channel,
        method,
        url,
        JSON.stringify(headers),
        Buffer.from(body.buffer, body.byteOffset, body.byteLength),
        receivedAt,
      );
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}::bytea, $${at + 6}::bigint)`;
    });
    const { rows: ids } = await pool.query<{ id: string }>(
      `WITH inserted AS (
         INSERT INTO ${table} (channel, method, url, headers, body, received_at) VALUES ${rows.join(', ')} RETURNING id)
       SELECT id FROM inserted, pg_notify($1, $2)`,
      params,
    );
    // Identity values follow the insert order, which is the order of the VALUES rows: the callers' order.
    return ids.map((r) => String(r.id)).sort((x, y) => Number(x) - Number(y));
  };
  const enqueue = batchWhileBusy(insertAll);

  return {
    enqueue,
    async lease({ limit, leaseMs }) {
      return (await queue.lease(limit, leaseMs)).map(
        (row): LeasedItem => ({
          ...inboxEntryOf(row),
          id: String(row.id),
          token: row.lease_token,
          attempts: row.attempts,
        }),
      );
    },
    extend: (id, token, leaseMs) => queue.extend(id, token, leaseMs),
    async ack(id, token) {
      await ack(id, token);
    },
    async retry(id, token, { delayMs, error }) {
      await queue.retry(id, token, delayMs, error);
    },
    async deadLetter(id, token, { error, failedEvents }) {
      await bury(id, token, error, JSON.stringify(failedEvents));
    },
    async deadLetters(options = {}) {
      const { rows } = await pool.query<InboxRow>(
        `SELECT * FROM ${table} WHERE state = 'dead' ORDER BY failed_at, id LIMIT $1`,
        [options.limit === undefined ? null : Math.max(0, options.limit)],
      );
      return rows.map(deadLetterOf);
    },
    async replay(id) {
      // A spurious wake-up (no such dead letter) costs a lease query, nothing more.
      const r = await pool.query(
        `WITH replayed AS (
           UPDATE ${table} SET state = 'queued', attempts = 0, available_at = 0, lease_token = NULL, error = NULL,
             failed_at = NULL, failed_events = NULL WHERE id = $1 AND state = 'dead' RETURNING id)
         SELECT id FROM replayed, pg_notify($2, $3)`,
        [idParam(id), ...wake],
      );
      return r.rowCount === 1;
    },
    async stats() {
      const { pending, leased, finished } = await queue.stats();
      return { pending, leased, dead: finished };
    },
  };
}
