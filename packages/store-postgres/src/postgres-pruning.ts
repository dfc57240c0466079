import type { Db } from './postgres-db.js';
import { NOW_MS, type TableNames } from './postgres-names.js';

/** How many rows one sweep removed. */
export interface PruneResult {
  claims: number;
  locks: number;
  messages: number;
  logEntries: number;
  /** Finished outbox jobs (done, failed, skipped) older than the message retention. */
  outboxJobs: number;
  /** Expired key-value entries, rate keys that carry no debt, spilled pub/sub messages. */
  expired: number;
}

/** Rows deleted per statement, so a large backlog never holds many row locks or one long transaction. */
const BATCH = 1000;

/**
 * Deletes what no reader can need any more, in batches, each through an index: expired dedupe claims, locks
 * and key-value entries, sent-message records untouched for `messageRetentionMs` (and finished outbox jobs as
 * old), log entries older than `logRetentionMs`, rate keys without debt and spilled pub/sub messages. Log heads stay,
 * so seqs keep counting on. Queued inbox items and outbox jobs are never pruned, however old.
 */
export function createPruner(
  pool: Db,
  t: TableNames,
  options: { logRetentionMs: number; messageRetentionMs: number },
): () => Promise<PruneResult> {
  const batched = (table: string, key: string, where: string) =>
    `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${where} LIMIT ${BATCH})`;
  const drain = async (sql: string, params: unknown[] = []): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = (await pool.query(sql, params)).rowCount ?? 0;
      total += n;
      if (n < BATCH) return total;
    }
  };

  return async () => {
    const message = options.messageRetentionMs;
    return {
      claims: await drain(batched(t.dedupe, 'key', `expires_at <= ${NOW_MS}`)),
      locks: await drain(batched(t.locks, 'key', `expires_at <= ${NOW_MS}`)),
      messages: await drain(
        batched(
          t.messages,
          'id',
          `touched_at < ${NOW_MS} - $1 AND (status_expires_at IS NULL OR status_expires_at <= ${NOW_MS})`,
        ),
        [message],
      ),
      logEntries: await drain(
        `DELETE FROM ${t.log} WHERE ctid IN (SELECT ctid FROM ${t.log} WHERE at < ${NOW_MS} - $1 LIMIT ${BATCH})`,
        [options.logRetentionMs],
      ),
      outboxJobs: await drain(batched(t.outbox, 'id', `state <> 'queued' AND created_at < ${NOW_MS} - $1`), [message]),
      expired:
        (await drain(batched(t.kv, 'key', `expires_at <= ${NOW_MS}`))) +
        (await drain(batched(t.rates, 'key', `tat <= ${NOW_MS}`))) +
        (await drain(batched(t.spill, 'id', `at < ${NOW_MS} - 60000`))),
    };
  };
}

/**
 * Runs `prune` every `everyMs` on an unref'd timer (it never keeps the process alive); one sweep at a time. A
 * failed sweep (the database away) is handed to `onError` and the next one runs as planned. Returns the stop.
 */
export function schedulePruning(
  prune: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    prune()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
