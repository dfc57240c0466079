import type { Database } from 'better-sqlite3';
import { logPruner } from './sqlite-log.js';

/** How many rows one sweep removed. */
export interface PruneResult {
  claims: number;
  locks: number;
  messages: number;
  logEntries: number;
  /** Finished outbox jobs (done, failed, skipped) older than the message retention. */
  outboxJobs: number;
  /** Expired key-value entries. */
  kv: number;
  /** Rate keys whose allowance is whole again (nothing to remember). */
  rates: number;
}

/** Rows deleted per transaction, so a large backlog never holds the write lock for long. */
const BATCH = 1000;

/**
 * Deletes what no reader can need any more: expired dedupe claims and locks, sent-message records untouched for
 * `messageRetentionMs` (and finished outbox jobs as old), and log entries older than `logRetentionMs`. Log heads stay, so seqs keep counting on.
 */
export function createPruner(
  db: Database,
  options: { now: () => number; logRetentionMs: number; messageRetentionMs: number },
): () => PruneResult {
  const claims = db.prepare(
    `DELETE FROM dedupe WHERE key IN (SELECT key FROM dedupe WHERE expires_at <= ? LIMIT ${BATCH})`,
  );
  const locks = db.prepare(
    `DELETE FROM locks WHERE key IN (SELECT key FROM locks WHERE expires_at <= ? LIMIT ${BATCH})`,
  );
  const messages = db.prepare(
    `DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE touched_at < ?
       AND (status_expires_at IS NULL OR status_expires_at <= ?) LIMIT ${BATCH})`,
  );
  const log = logPruner(db);
  // Queued jobs stay however old they are: only a job's outcome expires, never a send that is still owed.
  const outbox = db.prepare(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state <> 'queued' AND created_at < ? LIMIT ${BATCH})`,
  );

  const kv = db.prepare(
    `DELETE FROM kv WHERE key IN (SELECT key FROM kv WHERE expires_at IS NOT NULL AND expires_at <= ? LIMIT ${BATCH})`,
  );
  const rates = db.prepare(`DELETE FROM rates WHERE key IN (SELECT key FROM rates WHERE tat <= ? LIMIT ${BATCH})`);

  const drain = (run: () => number): number => {
    let total = 0;
    for (let n = run(); n > 0; n = run()) total += n;
    return total;
  };

  return () => {
    const at = options.now();
    return {
      claims: drain(() => claims.run(at).changes),
      locks: drain(() => locks.run(at).changes),
      messages: drain(() => messages.run(at - options.messageRetentionMs, at).changes),
      logEntries: log(at - options.logRetentionMs),
      outboxJobs: drain(() => outbox.run(at - options.messageRetentionMs).changes),
      kv: drain(() => kv.run(at).changes),
      rates: drain(() => rates.run(at).changes),
    };
  };
}

/**
 * Runs `prune` every `everyMs` on an unref'd timer (it never keeps the process alive). A failed sweep is handed
 * to `onError` and the next one runs as planned. Returns the function that stops it.
 */
export function schedulePruning(prune: () => unknown, everyMs: number, onError: (err: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      prune();
    } catch (err) {
      onError(err);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
