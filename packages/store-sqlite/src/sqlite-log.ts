import {
  type ConversationRef,
  type EventLogStore,
  type LogEntry,
  conversationKey,
  decodeLogCursor,
  encodeLogCursor,
} from '@loket/core';
import type { Database } from 'better-sqlite3';

interface Row {
  seq: number;
  at: number;
  kind: string;
  data: string | null;
  key: string | null;
}

interface HeadRow {
  conversation: string;
  channel: ConversationRef['channel'];
  account: string;
  user: string;
  last_seq: number;
  updated_at: number;
}

/** Rows deleted per statement, so a large prune never holds the write lock for long. */
const BATCH = 1000;

function toEntry(row: Row): LogEntry {
  const entry: LogEntry = {
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    data: row.data === null ? undefined : JSON.parse(row.data),
  };
  if (row.key !== null) entry.key = row.key;
  return entry;
}

/** Deletes log entries older than `olderThan`, a batch at a time; answers how many went. Heads stay. */
export function logPruner(db: Database): (olderThan: number) => number {
  const remove = db.prepare(`DELETE FROM log WHERE rowid IN (SELECT rowid FROM log WHERE at < ? LIMIT ${BATCH})`);
  return (olderThan) => {
    let total = 0;
    for (let n = remove.run(olderThan).changes; n > 0; n = remove.run(olderThan).changes) total += n;
    return total;
  };
}

/**
 * The event log of `sqliteStore`. Each conversation's last seq lives in `log_heads` (with its ref and last
 * activity), so pruning old entries never lets a seq be handed out twice. The append runs under BEGIN IMMEDIATE:
 * two processes appending to one conversation get consecutive seqs, and the idempotency key is checked and
 * stored in the same step (a unique index backs it). `data` is stored as JSON.
 */
export function sqliteLog(db: Database): EventLogStore {
  const bump = db.prepare(
    `INSERT INTO log_heads (conversation, last_seq, channel, account, user, updated_at) VALUES (?, 1, ?, ?, ?, ?)
     ON CONFLICT (conversation) DO UPDATE SET last_seq = last_seq + 1,
       channel = excluded.channel, account = excluded.account, user = excluded.user,
       updated_at = MAX(updated_at, excluded.updated_at)
     RETURNING last_seq`,
  );
  const insert = db.prepare('INSERT INTO log (conversation, seq, at, kind, data, key) VALUES (?, ?, ?, ?, ?, ?)');
  const cols = 'seq, at, kind, data, key';
  const byKey = db.prepare(`SELECT ${cols} FROM log WHERE conversation = ? AND key = ?`);
  const ascending = db.prepare(
    `SELECT ${cols} FROM log WHERE conversation = ? AND seq > ? AND seq < ? ORDER BY seq LIMIT ?`,
  );
  const newest = db.prepare(
    `SELECT ${cols} FROM log WHERE conversation = ? AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
  );
  const head = db.prepare('SELECT last_seq FROM log_heads WHERE conversation = ?');
  const page = db.prepare(
    `SELECT conversation, channel, account, user, last_seq, updated_at FROM log_heads
     WHERE channel IS NOT NULL AND updated_at >= @since
       AND (updated_at > @at OR (updated_at = @at AND conversation > @key))
     ORDER BY updated_at, conversation LIMIT @limit`,
  );
  const prune = logPruner(db);

  const append = db.transaction((ref: ConversationRef, at: number, kind: string, data: string | null, key?: string) => {
    const conversation = conversationKey(ref);
    if (key !== undefined) {
      const known = byKey.get(conversation, key) as Row | undefined;
      if (known) return { entry: toEntry(known), created: false };
    }
    const { last_seq: seq } = bump.get(conversation, ref.channel, ref.account, ref.user, at) as { last_seq: number };
    insert.run(conversation, seq, at, kind, data, key ?? null);
    const entry: LogEntry = { seq, at, kind, data: data === null ? undefined : JSON.parse(data) };
    if (key !== undefined) entry.key = key;
    return { entry, created: true };
  });

  return {
    async append(ref, entry) {
      const data = entry.data === undefined ? null : JSON.stringify(entry.data);
      return append.immediate(ref, entry.at, entry.kind, data, entry.key);
    },
    async read(ref, options = {}) {
      const limit = limitOf(options.limit);
      if (limit === 0) return [];
      const after = Math.max(0, options.after ?? 0);
      const before = options.before ?? Number.MAX_SAFE_INTEGER;
      const key = conversationKey(ref);
      if (options.before !== undefined && options.after === undefined) {
        return (newest.all(key, after, before, limit) as Row[]).reverse().map(toEntry);
      }
      return (ascending.all(key, after, before, limit) as Row[]).map(toEntry);
    },
    async head(ref) {
      return (head.get(conversationKey(ref)) as { last_seq: number } | undefined)?.last_seq ?? 0;
    },
    async byKey(ref, key) {
      const row = byKey.get(conversationKey(ref), key) as Row | undefined;
      return row === undefined ? undefined : toEntry(row);
    },
    async conversations(options = {}) {
      const limit = limitOf(options.limit);
      const from = decodeLogCursor(options.cursor);
      const rows = page.all({
        since: options.updatedSince ?? Number.MIN_SAFE_INTEGER,
        at: from?.at ?? Number.MIN_SAFE_INTEGER,
        key: from?.key ?? '',
        limit: limit === -1 ? -1 : limit + 1,
      }) as HeadRow[];
      const more = limit !== -1 && rows.length > limit;
      const items = (more ? rows.slice(0, limit) : rows).map((r) => ({
        ref: { channel: r.channel, account: r.account, user: r.user },
        head: r.last_seq,
        updatedAt: r.updated_at,
      }));
      const last = rows[limit - 1];
      return more && last
        ? { items, cursor: encodeLogCursor({ at: last.updated_at, key: last.conversation }) }
        : { items };
    },
    async prune(olderThan) {
      return prune(olderThan);
    },
  };
}

/** SQLite reads `LIMIT -1` as "no limit"; a negative limit from a caller means none, as in the memory store. */
function limitOf(limit: number | undefined): number {
  return limit === undefined ? -1 : Math.max(0, limit);
}
