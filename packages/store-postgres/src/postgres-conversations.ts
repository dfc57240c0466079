import { type ConversationRef, type ConversationState, type ConversationStore, conversationKey } from '@loket/core';
import type { Db } from './postgres-db.js';

interface Row {
  account: string;
  user: string;
  last_inbound_at: string | null;
  consent: ConversationState['consent'];
  pending_choices: ConversationState['pendingChoices'] | null;
  auto_reply_period: string | null;
  controller: ConversationState['controller'] | null;
}

/**
 * The conversation state of `postgresStore`: one row per conversation, consent a JSON object keyed by topic.
 * Every write is one upsert of its own column (consent merges one topic with `||`), so concurrent writers of
 * different fields, or of different topics, never overwrite each other.
 */
export function postgresConversations(pool: Db, table: string): ConversationStore {
  const upsert = async (ref: ConversationRef, column: string, value: unknown, set: string, where = '') => {
    const r = await pool.query(
      `INSERT INTO ${table} (key, channel, account, "user", ${column}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET ${set} ${where}`,
      [conversationKey(ref), ref.channel, ref.account, ref.user, value],
    );
    return r.rowCount === 1;
  };

  return {
    async get(ref) {
      const { rows } = await pool.query<Row>(`SELECT * FROM ${table} WHERE key = $1`, [conversationKey(ref)]);
      const row = rows[0];
      if (!row) return undefined;
      const state: ConversationState = {
        ref: { channel: ref.channel, account: row.account, user: row.user },
        consent: row.consent,
      };
      if (row.last_inbound_at !== null) state.lastInboundAt = Number(row.last_inbound_at);
      if (row.pending_choices !== null) state.pendingChoices = row.pending_choices;
      if (row.auto_reply_period !== null) state.autoReplyPeriod = row.auto_reply_period;
      if (row.controller !== null) state.controller = row.controller;
      return state;
    },
    async recordInbound(ref, at) {
      // Webhooks arrive out of order: a late, older message must not shorten the window.
      await upsert(
        ref,
        'last_inbound_at',
        at,
        'last_inbound_at = excluded.last_inbound_at',
        `WHERE ${table}.last_inbound_at IS NULL OR ${table}.last_inbound_at < excluded.last_inbound_at`,
      );
    },
    async setConsent(ref, record) {
      const value = {
        [record.topic]: { topic: record.topic, status: record.status, source: record.source, at: record.at },
      };
      await upsert(ref, 'consent', JSON.stringify(value), `consent = ${table}.consent || excluded.consent`);
    },
    async setPendingChoices(ref, pending) {
      const value = pending === undefined ? null : JSON.stringify(pending);
      await upsert(ref, 'pending_choices', value, 'pending_choices = excluded.pending_choices');
    },
    async markAutoReply(ref, period) {
      return upsert(
        ref,
        'auto_reply_period',
        period,
        'auto_reply_period = excluded.auto_reply_period',
        `WHERE ${table}.auto_reply_period IS DISTINCT FROM excluded.auto_reply_period`,
      );
    },
    async setController(ref, controller) {
      await upsert(ref, 'controller', JSON.stringify(controller), 'controller = excluded.controller');
    },
  };
}
