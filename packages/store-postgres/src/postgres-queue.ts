import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

/** The columns every queue table has (the inbox's and the outbox's). */
export interface QueueRow {
  id: string;
  attempts: number;
  lease_token: string;
}

/** Lease / extend / retry / finish on one queue table, shared by the inbox and the outbox. */
export interface PostgresQueue<R extends QueueRow> {
  /** Due rows, oldest first, each under a fresh token; `attempts` is the count from before this lease. */
  lease(limit: number, leaseMs: number): Promise<R[]>;
  extend(id: string, token: string, leaseMs: number): Promise<boolean>;
  retry(id: string, token: string, delayMs: number, error: string): Promise<boolean>;
  /** Queued rows free to lease, queued rows under a running lease, and rows no longer queued. */
  stats(): Promise<{ pending: number; leased: number; finished: number }>;
  /** Runs `sql` (an UPDATE or DELETE without WHERE; its own parameters first) on a held row only. */
  whileHeld(sql: string): (id: string, token: string, ...values: unknown[]) => Promise<boolean>;
}

/** A bigint id from the outside: anything that is not one matches no row (instead of a cast error). */
export function idParam(id: string): string {
  return /^\d{1,18}$/.test(id) ? id : '-1';
}

/**
 * The queue core of a table with `id, state, attempts, available_at, lease_token, error`: `state` is `queued` until
 * the row is done with, and `available_at` is when a queued row may be leased (its due time, or while leased, its
 * lease's end). `lease` locks the due rows it takes with FOR UPDATE SKIP LOCKED: workers leasing at the same time
 * (in any process) skip each other's rows instead of waiting for them, and no row goes to two of them. A token
 * works only while its lease runs.
 */
export function postgresQueue<R extends QueueRow>(pool: Db, table: string): PostgresQueue<R> {
  const held = (first: number) =>
    `id = $${first} AND lease_token = $${first + 1} AND state = 'queued' AND available_at > ${NOW_MS}`;
  const leased = `(lease_token IS NOT NULL AND available_at > ${NOW_MS})`;
  const leaseSql = `
    WITH due AS (
      SELECT id FROM ${table}
      WHERE state = 'queued' AND available_at <= ${NOW_MS}
      ORDER BY id LIMIT $1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ${table} q
    SET lease_token = gen_random_uuid()::text, available_at = ${NOW_MS} + $2, attempts = q.attempts + 1
    FROM due WHERE q.id = due.id
    RETURNING q.*`;

  return {
    async lease(limit, leaseMs) {
      if (limit <= 0) return [];
      const { rows } = await pool.query(leaseSql, [limit, Math.max(0, Math.round(leaseMs))]);
      // RETURNING gives the counted attempt; callers get the count from before it, oldest row first.
      return (rows as R[])
        .map((row) => ({ ...row, attempts: row.attempts - 1 }))
        .sort((a, b) => Number(a.id) - Number(b.id));
    },
    async extend(id, token, leaseMs) {
      const r = await pool.query(`UPDATE ${table} SET available_at = ${NOW_MS} + $1 WHERE ${held(2)}`, [
        Math.max(0, Math.round(leaseMs)),
        idParam(id),
        token,
      ]);
      return r.rowCount === 1;
    },
    async retry(id, token, delayMs, error) {
      const r = await pool.query(
        `UPDATE ${table} SET lease_token = NULL, available_at = ${NOW_MS} + $1, error = $2 WHERE ${held(3)}`,
        [Math.max(0, Math.round(delayMs)), error, idParam(id), token],
      );
      return r.rowCount === 1;
    },
    async stats() {
      const { rows } = await pool.query<{ pending: string; leased: string; finished: string }>(
        `SELECT count(*) FILTER (WHERE state = 'queued' AND NOT (${leased})) AS pending,
                count(*) FILTER (WHERE state = 'queued' AND ${leased}) AS leased,
                count(*) FILTER (WHERE state <> 'queued') AS finished
         FROM ${table}`,
      );
      const r = rows[0];
      return { pending: Number(r?.pending ?? 0), leased: Number(r?.leased ?? 0), finished: Number(r?.finished ?? 0) };
    },
    whileHeld(sql) {
      return async (id, token, ...values) => {
        const r = await pool.query(`${sql} WHERE ${held(values.length + 1)}`, [...values, idParam(id), token]);
        return r.rowCount === 1;
      };
    },
  };
}
