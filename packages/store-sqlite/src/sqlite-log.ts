import { type EventLogStore, type LogEntry, conversationKey } from '@loket/core';
import type { Database } from 'better-sqlite3';

interface Row {
  seq: number;
  at: number;
  kind: string;
  data: string | null;
}

/**
 * The event log of `sqliteStore`. Each conversation's last seq lives in `log_heads`, so pruning old entries
 * never lets a seq be handed out twice, and the append runs under BEGIN IMMEDIATE so two processes appending to
 * one conversation get consecutive seqs. `data` is stored as JSON.
 */
export function sqliteLog(db: Database): EventLogStore {
  const bump = db.prepare(
    `INSERT INTO log_heads (conversation, last_seq) VALUES (?, 1)
     ON CONFLICT (conversation) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  );
  const insert = db.prepare('INSERT INTO log (conversation, seq, at, kind, data) VALUES (?, ?, ?, ?, ?)');
  const read = db.prepare(
    'SELECT seq, at, kind, data FROM log WHERE conversation = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  const append = db.transaction((key: string, at: number, kind: string, data: string | null): number => {
    const { last_seq: seq } = bump.get(key) as { last_seq: number };
    insert.run(key, seq, at, kind, data);
    return seq;
  });

  return {
    async append(ref, entry) {
      const data = entry.data === undefined ? null : JSON.stringify(entry.data);
      return append.immediate(conversationKey(ref), entry.at, entry.kind, data);
    },
    async read(ref, options = {}) {
      const rows = read.all(conversationKey(ref), Math.max(0, options.after ?? 0), limitOf(options.limit)) as Row[];
      return rows.map(
        (row): LogEntry => ({
          seq: row.seq,
          at: row.at,
          kind: row.kind,
          data: row.data === null ? undefined : JSON.parse(row.data),
        }),
      );
    },
  };
}

/** SQLite reads `LIMIT -1` as "no limit"; a negative limit from a caller means none, as in the memory store. */
function limitOf(limit: number | undefined): number {
  return limit === undefined ? -1 : Math.max(0, limit);
}
