import { type ConsentRecord, type ConversationState, type ConversationStore, conversationKey } from '@loket/core';
import type { Database } from 'better-sqlite3';

interface Row {
  channel: string;
  account: string;
  user: string;
  last_inbound_at: number | null;
  pending_choices: string | null;
  auto_reply_period: string | null;
  controller: string | null;
}

/**
 * The conversation state of `sqliteStore`: one row per conversation plus one row per consent topic. Every write
 * is a single upsert of its own columns, so concurrent writers of different fields never overwrite each other.
 */
export function sqliteConversations(db: Database): ConversationStore {
  const upsert = (set: string, where = '') =>
    db.prepare(
      `INSERT INTO conversations (key, channel, account, user, last_inbound_at, pending_choices, auto_reply_period)
       VALUES (@key, @channel, @account, @user, @lastInboundAt, @pendingChoices, @period)
       ON CONFLICT (key) DO UPDATE SET ${set} ${where}`,
    );
  const ensure = db.prepare(
    'INSERT INTO conversations (key, channel, account, user) VALUES (@key, @channel, @account, @user) ON CONFLICT (key) DO NOTHING',
  );
  // Webhooks arrive out of order: a late, older message must not shorten the window.
  const inbound = upsert(
    'last_inbound_at = excluded.last_inbound_at',
    'WHERE conversations.last_inbound_at IS NULL OR conversations.last_inbound_at < excluded.last_inbound_at',
  );
  const choices = upsert('pending_choices = excluded.pending_choices');
  const controller = db.prepare(
    `INSERT INTO conversations (key, channel, account, user, controller) VALUES (@key, @channel, @account, @user, @controller)
     ON CONFLICT (key) DO UPDATE SET controller = excluded.controller`,
  );
  const autoReply = upsert(
    'auto_reply_period = excluded.auto_reply_period',
    'WHERE conversations.auto_reply_period IS NOT excluded.auto_reply_period',
  );
  const consent = db.prepare(
    `INSERT INTO consent (conversation, topic, status, source, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (conversation, topic) DO UPDATE SET status = excluded.status, source = excluded.source, at = excluded.at`,
  );
  const getRow = db.prepare('SELECT * FROM conversations WHERE key = ?');
  const getConsent = db.prepare('SELECT topic, status, source, at FROM consent WHERE conversation = ?');

  const params = (ref: Parameters<typeof conversationKey>[0], fields: Record<string, unknown> = {}) => ({
    key: conversationKey(ref),
    channel: ref.channel,
    account: ref.account,
    user: ref.user,
    lastInboundAt: null,
    pendingChoices: null,
    period: null,
    ...fields,
  });

  const setConsent = db.transaction((ref: Parameters<typeof conversationKey>[0], record: ConsentRecord) => {
    ensure.run(params(ref));
    consent.run(conversationKey(ref), record.topic, record.status, record.source, record.at);
  });

  return {
    async get(ref) {
      const key = conversationKey(ref);
      const row = getRow.get(key) as Row | undefined;
      if (!row) return undefined;
      const state: ConversationState = {
        ref: { channel: ref.channel, account: row.account, user: row.user },
        consent: {},
      };
      for (const c of getConsent.all(key) as ConsentRecord[]) {
        state.consent[c.topic] = { topic: c.topic, status: c.status, source: c.source, at: c.at };
      }
      if (row.last_inbound_at !== null) state.lastInboundAt = row.last_inbound_at;
      if (row.pending_choices !== null) state.pendingChoices = JSON.parse(row.pending_choices);
      if (row.auto_reply_period !== null) state.autoReplyPeriod = row.auto_reply_period;
      if (row.controller !== null) state.controller = JSON.parse(row.controller);
      return state;
    },
    async recordInbound(ref, at) {
      inbound.run(params(ref, { lastInboundAt: at }));
    },
    async setConsent(ref, record) {
      setConsent.immediate(ref, record);
    },
    async setPendingChoices(ref, pending) {
      choices.run(params(ref, { pendingChoices: pending === undefined ? null : JSON.stringify(pending) }));
    },
    async markAutoReply(ref, period) {
      return autoReply.run(params(ref, { period })).changes === 1;
    },
    async setController(ref, state) {
      const { key, channel, account, user } = params(ref);
      controller.run({ key, channel, account, user, controller: JSON.stringify(state) });
    },
  };
}
