import { type ChannelId, type MessageStore, STATUS_RANK } from '@loket/core';
import type { Database } from 'better-sqlite3';

/**
 * The sent messages of `sqliteStore`. `advanceStatus` is one upsert whose WHERE lets only a higher rank (or a
 * status whose TTL ran out) through, so a late `delivered` never overwrites `read`, even between processes.
 */
export function sqliteMessages(db: Database, now: () => number): MessageStore {
  const sent = db.prepare(
    `INSERT INTO messages (id, channel, account, user, sent_at, touched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, account = excluded.account, user = excluded.user,
       sent_at = excluded.sent_at, touched_at = excluded.touched_at`,
  );
  const advance = db.prepare(
    `INSERT INTO messages (id, status, status_rank, status_expires_at, touched_at) VALUES (@id, @status, @rank, @expiresAt, @at)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, status_rank = excluded.status_rank,
       status_expires_at = excluded.status_expires_at, touched_at = excluded.touched_at
     WHERE messages.status_rank IS NULL OR messages.status_expires_at <= @at OR messages.status_rank < excluded.status_rank`,
  );
  const find = db.prepare('SELECT channel, account, user FROM messages WHERE id = ? AND channel IS NOT NULL');

  return {
    async recordSent(messageId, ref, at) {
      sent.run(messageId, ref.channel, ref.account, ref.user, at, now());
    },
    async advanceStatus(messageId, status, ttlMs) {
      const at = now();
      const params = { id: messageId, status, rank: STATUS_RANK[status], expiresAt: at + ttlMs, at };
      return advance.run(params).changes === 1;
    },
    async conversationOf(messageId) {
      const row = find.get(messageId) as { channel: string; account: string; user: string } | undefined;
      return row && { channel: row.channel as ChannelId, account: row.account, user: row.user };
    },
  };
}
