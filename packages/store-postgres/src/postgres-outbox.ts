import type { OutboxJobRecord, OutboxJobStatus, OutboxStore } from '@loket/core';
import type { Db } from './postgres-db.js';
import { postgresQueue } from './postgres-queue.js';

/** An outbox row as the driver returns it. */
export interface OutboxRow {
  id: string;
  batch: string;
  payload: string;
  created_at: string;
  state: OutboxJobRecord['state'];
  attempts: number;
  lease_token: string;
  detail: string | null;
}

/** An outbox row as `outbox.batch()` reports it. */
export function outboxRecordOf(row: OutboxRow): OutboxJobRecord {
  const record: OutboxJobRecord = {
    id: String(row.id),
    batch: row.batch,
    payload: row.payload,
    createdAt: Number(row.created_at),
    attempts: row.attempts,
    state: row.state,
  };
  if (row.detail !== null) record.detail = row.detail;
  return record;
}

/**
 * The outbox of `postgresStore`: the inbox's {@link postgresQueue} core on its own table. A batch is one
 * multi-row INSERT (stored whole or not at all); a finished job keeps its row with the outcome in `state` and
 * `detail`, so a batch reports per recipient after a restart too. The INSERT also sends `wake` (the `pg_notify`
 * arguments that wake every process's workers) when it commits.
 */
export function postgresOutbox(pool: Db, table: string, wake: [channel: string, payload: string]): OutboxStore {
  const queue = postgresQueue<OutboxRow>(pool, table);
  const finish = queue.whileHeld(`UPDATE ${table} SET state = $1, detail = $2, lease_token = NULL`);

  return {
    async enqueue(entries) {
      if (entries.length === 0) return [];
      const { rows } = await pool.query<{ id: string }>(
        `WITH inserted AS (
           INSERT INTO ${table} (batch, payload, created_at)
           SELECT e.batch, e.payload, e.created_at
           FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS e(batch, payload, created_at, n)
           ORDER BY n RETURNING id)
         SELECT id FROM inserted, pg_notify($4, $5)`,
        [entries.map((e) => e.batch), entries.map((e) => e.payload), entries.map((e) => e.createdAt), ...wake],
      );
      // Identity values follow the insert order, which ORDER BY n pins to the caller's order.
      return rows.map((r) => String(r.id)).sort((a, b) => Number(a) - Number(b));
    },
    async lease({ limit, leaseMs }) {
      return (await queue.lease(limit, leaseMs)).map((row) => ({
        batch: row.batch,
        payload: row.payload,
        createdAt: Number(row.created_at),
        id: String(row.id),
        token: row.lease_token,
        attempts: row.attempts,
      }));
    },
    extend: (id, token, leaseMs) => queue.extend(id, token, leaseMs),
    async retry(id, token, { delayMs, error }) {
      await queue.retry(id, token, delayMs, error);
    },
    finish: (id, token, outcome) => finish(id, token, outcome.status, outcome.detail),
    async batch(id) {
      const { rows } = await pool.query<OutboxRow>(`SELECT * FROM ${table} WHERE batch = $1 ORDER BY id`, [id]);
      return rows.map(outboxRecordOf);
    },
    async counts(id) {
      const out: Record<'queued' | OutboxJobStatus, number> = {
        queued: 0,
        done: 0,
        failed: 0,
        'skipped-no-consent': 0,
      };
      const { rows } = await pool.query<{ state: keyof typeof out; n: string }>(
        `SELECT state, count(*) AS n FROM ${table} WHERE batch = $1 GROUP BY state`,
        [id],
      );
      for (const row of rows) out[row.state] = Number(row.n);
      return out;
    },
    async stats() {
      const { pending, leased, finished } = await queue.stats();
      return { pending, leased, finished };
    },
  };
}
