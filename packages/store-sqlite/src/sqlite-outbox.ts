import type { OutboxJobRecord, OutboxJobStatus, OutboxStore } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { sqliteQueue } from './sqlite-queue.js';

/** A row of the `outbox` table. */
export interface OutboxRow {
  id: number;
  batch: string;
  payload: string;
  created_at: number;
  state: OutboxJobRecord['state'];
  attempts: number;
  detail: string | null;
}

/** The job record a row holds. */
export function toRecord(row: OutboxRow): OutboxJobRecord {
  const record: OutboxJobRecord = {
    id: String(row.id),
    batch: row.batch,
    payload: row.payload,
    createdAt: row.created_at,
    attempts: row.attempts,
    state: row.state,
  };
  if (row.detail !== null) record.detail = row.detail;
  return record;
}

/**
 * The outbox of `sqliteStore`: the inbox's {@link sqliteQueue} core on its own table. A finished job keeps its row
 * with the outcome in `state` and `detail`, so a batch reports per recipient after a restart too.
 */
export function sqliteOutbox(db: Database, now: () => number): OutboxStore {
  const queue = sqliteQueue<OutboxRow>(db, 'outbox', now);
  const insert = db.prepare('INSERT INTO outbox (batch, payload, created_at) VALUES (?, ?, ?)');
  const insertAll = db.transaction((entries: { batch: string; payload: string; createdAt: number }[]) =>
    entries.map((e) => String(insert.run(e.batch, e.payload, e.createdAt).lastInsertRowid)),
  );
  const finish = queue.whileHeld('UPDATE outbox SET state = ?, detail = ?, lease_token = NULL');
  const batch = db.prepare('SELECT * FROM outbox WHERE batch = ? ORDER BY id');
  const counts = db.prepare('SELECT state, count(*) AS n FROM outbox WHERE batch = ? GROUP BY state');
  const stats = db.prepare(
    "SELECT state <> 'queued' AS finished, lease_token IS NOT NULL AND available_at > ? AS leased, count(*) AS n FROM outbox GROUP BY 1, 2",
  );

  return {
    async enqueue(entries) {
      return insertAll.immediate(entries);
    },
    async lease({ limit, leaseMs }) {
      return queue.lease(limit, leaseMs).map(({ row, token }) => ({
        batch: row.batch,
        payload: row.payload,
        createdAt: row.created_at,
        id: String(row.id),
        token,
        attempts: row.attempts,
      }));
    },
    async extend(id, token, leaseMs) {
      return queue.extend(id, token, leaseMs);
    },
    async retry(id, token, { delayMs, error }) {
      queue.retry(id, token, delayMs, error);
    },
    async finish(id, token, outcome) {
      return finish(id, token, outcome.status, outcome.detail);
    },
    async batch(id) {
      return (batch.all(id) as OutboxRow[]).map(toRecord);
    },
    async counts(id) {
      const out: Record<'queued' | OutboxJobStatus, number> = {
        queued: 0,
        done: 0,
        failed: 0,
        'skipped-no-consent': 0,
      };
      for (const row of counts.all(id) as { state: keyof typeof out; n: number }[]) out[row.state] = row.n;
      return out;
    },
    async stats() {
      const out = { pending: 0, leased: 0, finished: 0 };
      for (const row of stats.all(now()) as { finished: number; leased: number; n: number }[]) {
        if (row.finished) out.finished += row.n;
        else if (row.leased) out.leased += row.n;
        else out.pending += row.n;
      }
      return out;
    },
  };
}
