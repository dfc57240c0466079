import { type ChannelId, type ContactStore, conversationKey } from '@loket/core';
import type { Db } from './postgres-db.js';

/**
 * The contacts of `postgresStore`: one row per linked conversation (its key is the primary key, so a conversation
 * belongs to at most one contact). `linked` is an identity that a move to another contact draws anew, so a
 * contact lists its conversations in the order they were linked to it.
 */
export function postgresContacts(pool: Db, table: string): ContactStore {
  return {
    async link(contactId, ref) {
      await pool.query(
        `INSERT INTO ${table} (conversation, contact_id, channel, account, "user") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (conversation) DO UPDATE SET contact_id = excluded.contact_id, linked = excluded.linked
         WHERE ${table}.contact_id <> excluded.contact_id`,
        [conversationKey(ref), contactId, ref.channel, ref.account, ref.user],
      );
    },
    async unlink(ref) {
      await pool.query(`DELETE FROM ${table} WHERE conversation = $1`, [conversationKey(ref)]);
    },
    async of(ref) {
      const { rows } = await pool.query<{ contact_id: string }>(
        `SELECT contact_id FROM ${table} WHERE conversation = $1`,
        [conversationKey(ref)],
      );
      return rows[0]?.contact_id;
    },
    async conversations(contactId) {
      const { rows } = await pool.query<{ channel: string; account: string; user: string }>(
        `SELECT channel, account, "user" FROM ${table} WHERE contact_id = $1 ORDER BY linked`,
        [contactId],
      );
      return rows.map((r) => ({ channel: r.channel as ChannelId, account: r.account, user: r.user }));
    },
  };
}
