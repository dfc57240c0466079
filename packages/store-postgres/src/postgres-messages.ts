import { type ChannelId, type MessageStore, STATUS_RANK } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

/**
 * The sent messages of `postgresStore`. `advanceStatus` is one upsert whose WHERE lets only a higher rank (or a
 * status whose TTL ran out) through; a racing identical update waits for the first one's row lock and then finds
 * nothing to advance, so a late `delivered` never overwrites `read`, in any process.
 */
export function postgresMessages(pool: Db, table: string): MessageStore {
  return {
    async recordSent(messageId, ref, at) {
      await pool.query(
        `INSERT INTO ${table} (id, channel, account, "user", sent_at, touched_at) VALUES ($1, $2, $3, $4, $5, ${NOW_MS})
         ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, account = excluded.account, "user" = excluded."user",
           sent_at = excluded.sent_at, touched_at = excluded.touched_at`,
        [messageId, ref.channel, ref.account, ref.user, at],
      );
    },
    async advanceStatus(messageId, status, ttlMs) {
      const r = await pool.query(
        `INSERT INTO ${table} (id, status, status_rank, status_expires_at, touched_at)
         VALUES ($1, $2, $3, ${NOW_MS} + $4, ${NOW_MS})
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, status_rank = excluded.status_rank,
           status_expires_at = excluded.status_expires_at, touched_at = excluded.touched_at
         WHERE ${table}.status_rank IS NULL OR ${table}.status_expires_at <= ${NOW_MS}
           OR ${table}.status_rank < excluded.status_rank`,
        [messageId, status, STATUS_RANK[status], Math.round(ttlMs)],
      );
      return r.rowCount === 1;
    },
    async conversationOf(messageId) {
      const { rows } = await pool.query<{ channel: string; account: string; user: string }>(
        `SELECT channel, account, "user" FROM ${table} WHERE id = $1 AND channel IS NOT NULL`,
        [messageId],
      );
      const row = rows[0];
      return row && { channel: row.channel as ChannelId, account: row.account, user: row.user };
    },
  };
}
