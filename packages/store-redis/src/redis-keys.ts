import type { ConversationRef } from '@loket/core';

/** The keys of one inbox; all share the `{inbox}` hash tag, so each inbox script touches one Cluster slot. */
export interface InboxKeys {
  seq: string;
  pending: string;
  delayed: string;
  leased: string;
  dead: string;
  deadOrder: string;
  items: string;
  tokens: string;
  attempts: string;
  failures: string;
}

/** The keys of one conversation's log; both carry the conversation's hash tag. */
export interface LogKeys {
  seq: string;
  entries: string;
}

/** Where everything lives under a prefix. */
export interface KeyLayout {
  inbox: InboxKeys;
  dedupe(key: string): string;
  lock(key: string): string;
  message(id: string): string;
  conversation(ref: ConversationRef): string;
  log(ref: ConversationRef): LogKeys;
}

/**
 * The conversation's hash tag. Each part is URI-encoded, so a `:` or a brace inside an id can neither merge two
 * conversations nor end the tag early (Redis hashes only the text between the first `{` and the next `}`).
 */
export function conversationTag(ref: ConversationRef): string {
  return `{conv:${[ref.channel, ref.account, ref.user].map(encodeURIComponent).join(':')}}`;
}

/**
 * The key layout under `prefix`:
 * `<prefix>{inbox}:<part>` for the inbox, `<prefix>{conv:<channel>:<account>:<user>}:state|log|log-seq` for a
 * conversation, and `<prefix>dedupe:<key>`, `<prefix>lock:<key>`, `<prefix>msg:<id>` for the single-key records.
 */
export function keyLayout(prefix: string): KeyLayout {
  const inbox = (part: string) => `${prefix}{inbox}:${part}`;
  return {
    inbox: {
      seq: inbox('seq'),
      pending: inbox('pending'),
      delayed: inbox('delayed'),
      leased: inbox('leased'),
      dead: inbox('dead'),
      deadOrder: inbox('dead-order'),
      items: inbox('items'),
      tokens: inbox('tokens'),
      attempts: inbox('attempts'),
      failures: inbox('failures'),
    },
    dedupe: (key) => `${prefix}dedupe:${key}`,
    lock: (key) => `${prefix}lock:${key}`,
    message: (id) => `${prefix}msg:${id}`,
    conversation: (ref) => `${prefix}${conversationTag(ref)}:state`,
    log: (ref) => ({
      seq: `${prefix}${conversationTag(ref)}:log-seq`,
      entries: `${prefix}${conversationTag(ref)}:log`,
    }),
  };
}
