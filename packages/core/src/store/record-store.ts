import type { ConversationRef } from '../model/conversation.js';
import type { DeadLetter, InboxEntry, OutboxJobRecord } from './store.js';

// The parts of the Store behind the web chat (event log with idempotency, key-value, pub/sub), the organisation's
// record (contacts, controller, privacy) and shared pacing (rates). Each store implements every one of them; the
// store conformance suite in `@loket/testing` checks them all.

/** Who wrote a message in the record. */
export type AuthorKind = 'customer' | 'agent' | 'bot' | 'system';

/** The author of a message in the record; `id` names the agent (or bot) when the caller gave one. */
export interface Author {
  kind: AuthorKind;
  id?: string;
}

/** What is appended to a conversation's log. */
export interface LogAppend {
  at: number;
  kind: string;
  data: unknown;
  /**
   * Idempotency key, unique per conversation (the web chat's `clientMessageId`): when an entry with this key is
   * already stored, `append` stores nothing and answers that entry with `created: false`.
   */
  key?: string;
}

/** One entry of a conversation's append-only log. `seq` is gap-free per conversation, from 1, never reused. */
export interface LogEntry {
  seq: number;
  at: number;
  kind: string;
  data: unknown;
  key?: string;
}

/** What `append` answers: the stored entry, and whether this call stored it. */
export interface LogAppendResult {
  entry: LogEntry;
  created: boolean;
}

/**
 * How to page a log. Entries always come in ascending seq. `after`: entries with seq > after, the oldest `limit`
 * of them. `before`: entries with seq < before, the newest `limit` of them. Both: the range between, oldest first.
 */
export interface LogReadOptions {
  after?: number;
  before?: number;
  limit?: number;
}

/** A conversation as the log lists it: its head seq and when its log last grew. */
export interface LogConversation {
  ref: ConversationRef;
  head: number;
  updatedAt: number;
}

/** A page of `conversations()`, ordered by `updatedAt` ascending (ties by conversation key); `cursor` for the next. */
export interface LogConversationPage {
  items: LogConversation[];
  cursor?: string;
}

/** The per-conversation append-only log: the web chat's truth and the organisation's history on every channel. */
export interface EventLogStore {
  /** Appends with the next gap-free seq, in one durable step (concurrent appends never share or skip a seq). */
  append(ref: ConversationRef, entry: LogAppend): Promise<LogAppendResult>;
  /** Pages the log (see {@link LogReadOptions}); empty for an unknown conversation. */
  read(ref: ConversationRef, options?: LogReadOptions): Promise<LogEntry[]>;
  /** The highest seq ever given in the conversation (0 when none); pruning does not lower it. */
  head(ref: ConversationRef): Promise<number>;
  /** The entry stored under an idempotency key, if any. */
  byKey(ref: ConversationRef, key: string): Promise<LogEntry | undefined>;
  /** Conversations whose log grew at or after `updatedSince` (default: all), oldest activity first. */
  conversations(options?: { updatedSince?: number; limit?: number; cursor?: string }): Promise<LogConversationPage>;
  /** Retention: removes entries with `at` before `olderThan` from every log; answers how many went. */
  prune(olderThan: number): Promise<number>;
}

/** One customer across channels: a conversation belongs to at most one contact. */
export interface ContactStore {
  /** Links the conversation to the contact (moving it when it belonged to another). */
  link(contactId: string, ref: ConversationRef): Promise<void>;
  unlink(ref: ConversationRef): Promise<void>;
  /** The contact a conversation belongs to. */
  of(ref: ConversationRef): Promise<string | undefined>;
  /** A contact's conversations, in the order they were linked (empty for an unknown contact). */
  conversations(contactId: string): Promise<ConversationRef[]>;
}

/** Short opaque values with an optional time to live: credentials (hashed), tickets, tokens, tombstones. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  /** Stores the value; with `ifAbsent`, only when the key holds nothing live (answers false when it did). */
  set(key: string, value: string, options?: { ttlMs?: number; ifAbsent?: boolean }): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Rate limits shared by every process on the store (per account, per recipient, per credential, per IP). */
export interface RateStore {
  /**
   * Takes one unit of `key`'s allowance (at most `count` per `windowMs`, smoothed: a steady rate of
   * count / windowMs with bursts up to `count`). Answers 0 when the unit was taken now; otherwise the ms to wait
   * before the next try, and nothing was taken. Every store runs the same GCRA step (`gcraStep`): from idle, a
   * span of t ms holds at most count + t × count / windowMs units, so a short window keeps bursts small (8 per
   * 100 ms rather than 80 per s for 80/s).
   */
  take(key: string, limit: { count: number; windowMs: number }): Promise<number>;
}

/** Messages between gateway processes (web chat fan-out). In-process stores deliver within the process only. */
export interface PubSub {
  publish(topic: string, message: string): Promise<void>;
  /** Calls `listener` for every message published on `topic` after this resolves; answers the unsubscribe. */
  subscribe(topic: string, listener: (message: string) => void): Promise<() => Promise<void>>;
}

/** Whom an export or an erasure is about: their conversations and every id that names them in raw data. */
export interface PersonTarget {
  refs: ConversationRef[];
  /** Ids that identify the person in raw bytes and keys (user ids, contact id, phone number, e-mail). */
  needles: string[];
}

/** Everything outside the log and conversation state that mentions a person (for an export). */
export interface PersonRecords {
  /** Inbox items not yet handled whose raw request mentions a needle. */
  inbox: InboxEntry[];
  deadLetters: DeadLetter[];
  /** Outbox jobs (queued or finished) addressed to one of the refs or mentioning a needle. */
  outbox: OutboxJobRecord[];
}

/** What an erasure removed, by part of the store. */
export interface EraseCounts {
  log: number;
  conversations: number;
  contacts: number;
  messages: number;
  inbox: number;
  deadLetters: number;
  outbox: number;
  dedupe: number;
  kv: number;
}

/** The right of access and the right to erasure (AVG / GDPR) at the store level. */
export interface PrivacyStore {
  find(target: PersonTarget): Promise<PersonRecords>;
  /**
   * Removes everything about the person from every part of the store: the refs' logs (seq heads too), conversation
   * state, contact links and sent-message records; inbox items, dead letters and outbox jobs that mention a needle
   * or are addressed to a ref; dedupe keys and key-value entries whose key or value contains a needle. Erasing
   * twice removes nothing the second time. Durable stores make sure the erased bytes do not linger on disk.
   */
  erase(target: PersonTarget): Promise<EraseCounts>;
}

/** Who answers a conversation: the bot (default) or a human agent. */
export interface ControllerState {
  by: 'bot' | 'human';
  at: number;
  reason?: string;
}
