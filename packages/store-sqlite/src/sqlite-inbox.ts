import type { ChannelId, DeadLetter, InboxEntry, InboxStore, LeasedItem } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { newToken } from './sqlite-token.js';

interface Row {
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

function toEntry(row: Row): InboxEntry {
  return {
    channel: row.channel as ChannelId,
    // A plain Uint8Array copy: callers compare and keep it without sharing SQLite's buffer.
    request: { method: row.method, url: row.url, headers: JSON.parse(row.headers), body: new Uint8Array(row.body) },
    receivedAt: row.received_at,
  };
}

/**
 * The inbox of `sqliteStore`: one table, where `state` is `queued` or `dead` and `available_at` is when a queued
 * item may be leased (its due time, or while leased, its lease's end). A token works only while its lease runs.
 */
export function sqliteInbox(db: Database, now: () => number): InboxStore {
  const insert = db.prepare(
    'INSERT INTO inbox (channel, method, url, headers, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const due = db.prepare("SELECT * FROM inbox WHERE state = 'queued' AND available_at <= ? ORDER BY id LIMIT ?");
  const take = db.prepare('UPDATE inbox SET lease_token = ?, available_at = ?, attempts = attempts + 1 WHERE id = ?');
  const held = "id = ? AND lease_token = ? AND state = 'queued' AND available_at > ?";
  const extend = db.prepare(`UPDATE inbox SET available_at = ? WHERE ${held}`);
  const ack = db.prepare(`DELETE FROM inbox WHERE ${held}`);
  const retry = db.prepare(`UPDATE inbox SET lease_token = NULL, available_at = ?, error = ? WHERE ${held}`);
  const bury = db.prepare(
    `UPDATE inbox SET state = 'dead', lease_token = NULL, error = ?, failed_at = ?, failed_events = ? WHERE ${held}`,
  );
  const dead = db.prepare("SELECT * FROM inbox WHERE state = 'dead' ORDER BY failed_at, id LIMIT ?");
  const replay = db.prepare(
    "UPDATE inbox SET state = 'queued', attempts = 0, available_at = 0, lease_token = NULL, error = NULL, failed_at = NULL, failed_events = NULL WHERE id = ? AND state = 'dead'",
  );
  const stats = db.prepare(
    "SELECT state = 'dead' AS dead, lease_token IS NOT NULL AND available_at > ? AS leased, count(*) AS n FROM inbox GROUP BY 1, 2",
  );

  // BEGIN IMMEDIATE takes the write lock before reading, so two processes never lease the same due row.
  const leaseTx = db.transaction((limit: number, leaseMs: number): LeasedItem[] => {
    const at = now();
    const rows = due.all(at, limit) as Row[];
    return rows.map((row) => {
      const token = newToken();
      take.run(token, at + leaseMs, row.id);
      return { ...toEntry(row), id: String(row.id), token, attempts: row.attempts };
    });
  });

  return {
    async enqueue(entry) {
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
    },
    async lease({ limit, leaseMs }) {
      if (limit <= 0) return [];
      return leaseTx.immediate(limit, leaseMs);
    },
    async extend(id, token, leaseMs) {
      const at = now();
      return extend.run(at + leaseMs, id, token, at).changes === 1;
    },
    async ack(id, token) {
      ack.run(id, token, now());
    },
    async retry(id, token, { delayMs, error }) {
      const at = now();
      retry.run(at + Math.max(0, delayMs), error, id, token, at);
    },
    async deadLetter(id, token, { error, failedEvents }) {
      const at = now();
      bury.run(error, at, JSON.stringify(failedEvents), id, token, at);
    },
    async deadLetters(options = {}) {
      const rows = dead.all(options.limit ?? -1) as Row[];
      return rows.map(
        (row): DeadLetter => ({
          ...toEntry(row),
          id: String(row.id),
          attempts: row.attempts,
          error: row.error ?? '',
          failedAt: row.failed_at ?? 0,
          failedEvents: JSON.parse(row.failed_events ?? '[]'),
        }),
      );
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
