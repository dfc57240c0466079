import type { ChannelId, DeadLetter, InboxEntry, InboxStore, LeasedItem } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { batchPerTick } from './sqlite-batcher.js';
import { sqliteQueue } from './sqlite-queue.js';

/** A row of the `inbox` table. */
export interface InboxRow {
  id: number;
  channel: string;
  method: string;
  url: string;
  headers: string;
  body: Buffer;
  received_at: number;
  attempts: number;
  error: string | null;
  failed_at: number | null;
  failed_events: string | null;
}

/** The entry a row holds. */
export function toEntry(row: InboxRow): InboxEntry {
  return {
    channel: row.channel as ChannelId,
    // A plain Uint8Array copy: callers compare and keep it without sharing SQLite's buffer.
    request: { method: row.method, url: row.url, headers: JSON.parse(row.headers), body: new Uint8Array(row.body) },
    receivedAt: row.received_at,
  };
}

/** The dead letter a row in state `dead` holds. */
export function toDeadLetter(row: InboxRow): DeadLetter {
  return {
    ...toEntry(row),
    id: String(row.id),
    attempts: row.attempts,
    error: row.error ?? '',
    failedAt: row.failed_at ?? 0,
    failedEvents: JSON.parse(row.failed_events ?? '[]'),
  };
}

/**
 * The inbox of `sqliteStore`: one table on the shared {@link sqliteQueue} core, where `state` is `queued` or `dead`.
 * Ack deletes the row; a dead letter keeps its bytes for replay.
 */
export function sqliteInbox(db: Database, now: () => number): InboxStore {
  const queue = sqliteQueue<InboxRow>(db, 'inbox', now);
  const insert = db.prepare(
    'INSERT INTO inbox (channel, method, url, headers, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const ack = queue.whileHeld('DELETE FROM inbox');
  const bury = queue.whileHeld(
    "UPDATE inbox SET state = 'dead', lease_token = NULL, error = ?, failed_at = ?, failed_events = ?",
  );
  const dead = db.prepare("SELECT * FROM inbox WHERE state = 'dead' ORDER BY failed_at, id LIMIT ?");
  const replay = db.prepare(
    "UPDATE inbox SET state = 'queued', attempts = 0, available_at = 0, lease_token = NULL, error = NULL, failed_at = NULL, failed_events = NULL WHERE id = ? AND state = 'dead'",
  );
  const stats = db.prepare(
    "SELECT state = 'dead' AS dead, lease_token IS NOT NULL AND available_at > ? AS leased, count(*) AS n FROM inbox GROUP BY 1, 2",
  );

  const insertAll = db.transaction((entries: InboxEntry[]) =>
    entries.map((entry) => {
      const { request } = entry;
      const body = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
      const info = insert.run(
        entry.channel,
        request.method,
        request.url,
        JSON.stringify(request.headers),
        body,
        entry.receivedAt,
      );
      return String(info.lastInsertRowid);
    }),
  );
  const enqueue = batchPerTick((entries: InboxEntry[]) => insertAll.immediate(entries));

  return {
    enqueue,
    async lease({ limit, leaseMs }) {
      return queue
        .lease(limit, leaseMs)
        .map(({ row, token }): LeasedItem => ({ ...toEntry(row), id: String(row.id), token, attempts: row.attempts }));
    },
    async extend(id, token, leaseMs) {
      return queue.extend(id, token, leaseMs);
    },
    async ack(id, token) {
      ack(id, token);
    },
    async retry(id, token, { delayMs, error }) {
      queue.retry(id, token, delayMs, error);
    },
    async deadLetter(id, token, { error, failedEvents }) {
      bury(id, token, error, now(), JSON.stringify(failedEvents));
    },
    async deadLetters(options = {}) {
      return (dead.all(options.limit ?? -1) as InboxRow[]).map(toDeadLetter);
    },
    async replay(id) {
      return replay.run(id).changes === 1;
    },
    async stats() {
      const counts = { pending: 0, leased: 0, dead: 0 };
      for (const row of stats.all(now()) as { dead: number; leased: number; n: number }[]) {
        if (row.dead) counts.dead += row.n;
        else if (row.leased) counts.leased += row.n;
        else counts.pending += row.n;
      }
      return counts;
    },
  };
}
