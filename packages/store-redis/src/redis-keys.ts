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

/** The outbox: the inbox's key set under `{outbox}` (same scripts), plus one id list per batch. */
export interface OutboxKeys extends InboxKeys {
  batch(batch: string): string;
}

/** The keys of one conversation's log; both carry the conversation's hash tag. */
export interface LogKeys {
  seq: string;
  entries: string;
  /** Idempotency key → seq. */
  keys: string;
}

/** Where everything lives under a prefix. */
export interface KeyLayout {
  inbox: InboxKeys;
  outbox: OutboxKeys;
  dedupe(key: string): string;
  lock(key: string): string;
  message(id: string): string;
  conversation(ref: ConversationRef): string;
  log(ref: ConversationRef): LogKeys;
  /** Every conversation with a log, scored by its last activity (member: {@link conversationMember}). */
  logIndex: string;
  kv(key: string): string;
  rate(key: string): string;
  /** The contact a conversation belongs to (under the conversation's tag). */
  contactOf(ref: ConversationRef): string;
  /** A contact's link counter and its conversations (under the contact's tag). */
  contact(contactId: string): [string, string];
  /** The pub/sub channel of a topic. */
  channel(topic: string): string;
}

/**
 * The conversation's hash tag. Each part is URI-encoded, so a `:` or a brace inside an id can neither merge two
 * conversations nor end the tag early (Redis hashes only the text between the first `{` and the next `}`).
 */
export function conversationTag(ref: ConversationRef): string {
  return `{conv:${[ref.channel, ref.account, ref.user].map(encodeURIComponent).join(':')}}`;
}

/** A conversation as a member of a set: its URI-encoded parts joined by `:` (so it splits back unambiguously). */
export function conversationMember(ref: ConversationRef): string {
  return [ref.channel, ref.account, ref.user].map(encodeURIComponent).join(':');
}

/** The ref of a {@link conversationMember}. */
export function refOfMember(member: string): ConversationRef {
  const [channel = '', account = '', user = ''] = member.split(':').map(decodeURIComponent);
  return { channel: channel as ConversationRef['channel'], account, user };
}

function queueKeys(prefix: string, tag: string): InboxKeys {
  const key = (part: string) => `${prefix}{${tag}}:${part}`;
  return {
    seq: key('seq'),
    pending: key('pending'),
    delayed: key('delayed'),
    leased: key('leased'),
    dead: key('dead'),
    deadOrder: key('dead-order'),
    items: key('items'),
    tokens: key('tokens'),
    attempts: key('attempts'),
    failures: key('failures'),
  };
}

/**
 * The key layout under `prefix`:
 * `<prefix>{inbox}:<part>` for the inbox, `<prefix>{outbox}:<part>` and `<prefix>{outbox}:batch:<id>` for the
 * outbox, `<prefix>{conv:<channel>:<account>:<user>}:state|log|log-seq|log-keys` for a conversation,
 * `<prefix>log-index` listing the conversations with a log, `<prefix>{contact:<id>}:seq|conversations` for a
 * contact, `<prefix>{conv:...}:contact` for a conversation's contact, `<prefix>kv:<key>`, `<prefix>rate:<key>`,
 * the pub/sub channels `<prefix>pubsub:<topic>`, and `<prefix>dedupe:<key>`, `<prefix>lock:<key>`, `<prefix>msg:<id>` for the single-key records.
 */
export function keyLayout(prefix: string): KeyLayout {
  return {
    inbox: queueKeys(prefix, 'inbox'),
    // The batch lists carry the `{outbox}` tag too, so every outbox script touches one slot.
    outbox: {
      ...queueKeys(prefix, 'outbox'),
      batch: (batch) => `${prefix}{outbox}:batch:${encodeURIComponent(batch)}`,
    },
    dedupe: (key) => `${prefix}dedupe:${key}`,
    lock: (key) => `${prefix}lock:${key}`,
    message: (id) => `${prefix}msg:${id}`,
    conversation: (ref) => `${prefix}${conversationTag(ref)}:state`,
    log: (ref) => ({
      seq: `${prefix}${conversationTag(ref)}:log-seq`,
      entries: `${prefix}${conversationTag(ref)}:log`,
      keys: `${prefix}${conversationTag(ref)}:log-keys`,
    }),
    logIndex: `${prefix}log-index`,
    kv: (key) => `${prefix}kv:${key}`,
    rate: (key) => `${prefix}rate:${key}`,
    contactOf: (ref) => `${prefix}${conversationTag(ref)}:contact`,
    contact: (id) => {
      const tag = `{contact:${encodeURIComponent(id)}}`;
      return [`${prefix}${tag}:seq`, `${prefix}${tag}:conversations`];
    },
    channel: (topic) => `${prefix}pubsub:${topic}`,
  };
}
