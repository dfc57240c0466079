import type { Database } from 'better-sqlite3';
import { newToken } from './sqlite-token.js';

/** The columns every queue table has (the inbox's and the outbox's). */
export interface QueueRow {
  id: number;
  attempts: number;
}

/** A row handed out by `lease`, with the token that now holds it and the attempts from before. */
export interface LeasedRow<R extends QueueRow> {
  row: R;
  token: string;
}

/** Lease / extend / retry / finish on one queue table, shared by the inbox and the outbox. */
export interface SqliteQueue<R extends QueueRow> {
  lease(limit: number, leaseMs: number): LeasedRow<R>[];
  extend(id: string, token: string, leaseMs: number): boolean;
  retry(id: string, token: string, delayMs: number, error: string): boolean;
  /** Runs `sql` (an UPDATE or DELETE whose trailing placeholders are the lease condition) on a held row only. */
  whileHeld(sql: string): (id: string, token: string, ...values: unknown[]) => boolean;
}

/**
 * The queue core of a table with `id, state, attempts, available_at, lease_token, error`: `state` is `queued` until
 * the row is done with, and `available_at` is when a queued row may be leased (its due time, or while leased, its
 * lease's end). A token works only while its lease runs.
 */
export function sqliteQueue<R extends QueueRow>(db: Database, table: string, now: () => number): SqliteQueue<R> {
  const held = "id = ? AND lease_token = ? AND state = 'queued' AND available_at > ?";
  const due = db.prepare(`SELECT * FROM ${table} WHERE state = 'queued' AND available_at <= ? ORDER BY id LIMIT ?`);
  const take = db.prepare(
    `UPDATE ${table} SET lease_token = ?, available_at = ?, attempts = attempts + 1 WHERE id = ?`,
  );
  const extend = db.prepare(`UPDATE ${table} SET available_at = ? WHERE ${held}`);
  const retry = db.prepare(`UPDATE ${table} SET lease_token = NULL, available_at = ?, error = ? WHERE ${held}`);

  // BEGIN IMMEDIATE takes the write lock before reading, so two processes never lease the same due row.
  const leaseTx = db.transaction((limit: number, leaseMs: number): LeasedRow<R>[] => {
    const at = now();
    return (due.all(at, limit) as R[]).map((row) => {
      const token = newToken();
      take.run(token, at + leaseMs, row.id);
      return { row, token };
    });
  });

  return {
    lease: (limit, leaseMs) => (limit <= 0 ? [] : leaseTx.immediate(limit, leaseMs)),
    extend(id, token, leaseMs) {
      const at = now();
      return extend.run(at + leaseMs, id, token, at).changes === 1;
    },
    retry(id, token, delayMs, error) {
      const at = now();
      return retry.run(at + Math.max(0, delayMs), error, id, token, at).changes === 1;
    },
    whileHeld(sql) {
      const statement = db.prepare(`${sql} WHERE ${held}`);
      return (id, token, ...values) => statement.run(...values, id, token, now()).changes === 1;
    },
  };
}
