import type { ChannelId, ConversationRef } from '../model/conversation.js';
import type { SendStatus } from '../model/events.js';
import type {
  ContactStore,
  ControllerState,
  EventLogStore,
  KeyValueStore,
  PrivacyStore,
  PubSub,
  RateStore,
} from './record-store.js';

/** A verified webhook request as the inbox keeps it: exactly the bytes the platform sent. */
export interface StoredRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** What the gateway puts in the inbox. */
export interface InboxEntry {
  channel: ChannelId;
  request: StoredRequest;
  receivedAt: number;
}

/** An inbox item a worker holds under a lease. `token` proves the lease on ack / retry / deadLetter. */
export interface LeasedItem extends InboxEntry {
  id: string;
  token: string;
  /** How many times this item was leased before (0 on the first try). */
  attempts: number;
}

/** An item that failed for good; its raw bytes are kept so it can be replayed once the cause is fixed. */
export interface DeadLetter extends InboxEntry {
  id: string;
  attempts: number;
  error: string;
  failedAt: number;
  /** Ids of the events whose handlers failed (empty when the whole request could not be parsed). */
  failedEvents: string[];
}

/** The durable queue of verified webhook requests. */
export interface InboxStore {
  /** Stores the entry durably and returns its id. The gateway answers 200 only after this resolves. */
  enqueue(entry: InboxEntry): Promise<string>;
  /** Leases up to `limit` items that are due (pending, retry time reached, or whose lease expired). */
  lease(options: { limit: number; leaseMs: number }): Promise<LeasedItem[]>;
  /** Extends a lease; false when the lease was lost (expired and taken by another worker). */
  extend(id: string, token: string, leaseMs: number): Promise<boolean>;
  /** Done: removes the item. */
  ack(id: string, token: string): Promise<void>;
  /** Puts the item back, due after `delayMs`, with its attempt count raised. */
  retry(id: string, token: string, options: { delayMs: number; error: string }): Promise<void>;
  /** Moves the item to the dead letters, raw bytes kept. */
  deadLetter(id: string, token: string, options: { error: string; failedEvents: string[] }): Promise<void>;
  /** Lists dead letters, oldest first. */
  deadLetters(options?: { limit?: number }): Promise<DeadLetter[]>;
  /** Moves a dead letter back into the queue with its attempts reset; false when there is no such dead letter. */
  replay(id: string): Promise<boolean>;
  /** Counts, for health checks and tests. */
  stats(): Promise<{ pending: number; leased: number; dead: number }>;
}

/**
 * Per-event claims: at most one worker handles an event id at a time, and a handled id is remembered for a while.
 * `claim` answers a token, or null when the id is claimed or done; `isDone` tells those two apart.
 */
export interface DedupeStore {
  claim(key: string, ttlMs: number): Promise<string | null>;
  /**
   * True when the key was completed and is still remembered; false when it is free or only claimed. A worker asks
   * after a refused claim: a done event is a duplicate, a claimed one may belong to a process that died mid-handler.
   */
  isDone(key: string): Promise<boolean>;
  /** Marks a claimed key done; it stays known (claim returns null) for `ttlMs`. */
  complete(key: string, token: string, ttlMs: number): Promise<void>;
  /** Gives a claim back, so that a retry can claim it again. */
  release(key: string, token: string): Promise<void>;
}

/** Consent for one topic (`'*'` stands for every topic: a stop word or platform opt-out revokes `'*'`). */
export interface ConsentRecord {
  topic: string;
  status: 'granted' | 'revoked';
  /** Where it came from: `'api'`, `'stop-word'`, `'platform'`, a form name. */
  source: string;
  at: number;
}

/** The numbered menu a degraded `buttons`/`list` left open, so a numbered answer can come back as a `choice`. */
export interface PendingChoices {
  options: { number: string; id: string; title: string }[];
  at: number;
}

/** What the core remembers of one conversation. */
export interface ConversationState {
  ref: ConversationRef;
  /** When the customer last wrote (ms): the customer-service window runs from here. */
  lastInboundAt?: number;
  consent: Record<string, ConsentRecord>;
  pendingChoices?: PendingChoices;
  /** The closed period the business-hours auto-reply last answered in. */
  autoReplyPeriod?: string;
  /** Who answers the conversation; absent means the bot. */
  controller?: ControllerState;
}

/** Conversation state: windows, consent, open menus. Writes are per field, so concurrent writers do not clash. */
export interface ConversationStore {
  get(ref: ConversationRef): Promise<ConversationState | undefined>;
  /** Records a customer message at `at`; keeps the latest (never moves back). */
  recordInbound(ref: ConversationRef, at: number): Promise<void>;
  setConsent(ref: ConversationRef, record: ConsentRecord): Promise<void>;
  setPendingChoices(ref: ConversationRef, choices: PendingChoices | undefined): Promise<void>;
  /** Sets the auto-reply period if it differs; true when it changed (so the auto-reply is due). */
  markAutoReply(ref: ConversationRef, period: string): Promise<boolean>;
  /** Records who answers the conversation from now on. */
  setController(ref: ConversationRef, controller: ControllerState): Promise<void>;
}

/** The order statuses move in; a status never moves back (`read` stays `read` when a late `delivered` comes). */
export const STATUS_RANK: Record<SendStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/** What we sent and how far it got. */
export interface MessageStore {
  recordSent(messageId: string, ref: ConversationRef, at: number): Promise<void>;
  /** Moves a message's status forward; false when it is not a step forward (a late or repeated status). */
  advanceStatus(messageId: string, status: SendStatus, ttlMs: number): Promise<boolean>;
  /** The conversation a sent message belongs to, if we sent it. */
  conversationOf(messageId: string): Promise<ConversationRef | undefined>;
}

/** Short-lived locks with owner tokens: only the owner's token releases or extends. */
export interface LockStore {
  acquire(key: string, ttlMs: number): Promise<string | null>;
  extend(key: string, token: string, ttlMs: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
}

/** How a job of the outbox ended. */
export type OutboxJobStatus = 'done' | 'failed' | 'skipped-no-consent';

/** A send the outbox keeps until it is delivered or fails for good. The store keeps `payload` as opaque text. */
export interface OutboxEntry {
  /** The broadcast (or single queued send) the job belongs to. */
  batch: string;
  /** The job as the outbox encoded it (JSON). */
  payload: string;
  createdAt: number;
}

/** An outbox job a worker holds under a lease; `token` proves the lease on extend / retry / finish. */
export interface LeasedJob extends OutboxEntry {
  id: string;
  token: string;
  /** How many times this job was leased before (0 on the first try). */
  attempts: number;
}

/** One job as `outbox.batch()` reports it: still queued, or finished with its outcome. */
export interface OutboxJobRecord extends OutboxEntry {
  id: string;
  /** Leases taken so far. */
  attempts: number;
  state: 'queued' | OutboxJobStatus;
  /** The outcome the outbox recorded with `finish` (JSON), when finished. */
  detail?: string;
}

/**
 * The durable queue of outbound sends. Leases, retries and tokens work exactly as in the inbox (each store
 * implements both on the same queue internals); instead of being removed, a finished job keeps its outcome so a
 * broadcast can report per recipient.
 */
export interface OutboxStore {
  /** Stores all entries in one durable step and returns their ids, in order. */
  enqueue(entries: OutboxEntry[]): Promise<string[]>;
  /** Leases up to `limit` jobs that are due (new, retry time reached, or whose lease expired), oldest first. */
  lease(options: { limit: number; leaseMs: number }): Promise<LeasedJob[]>;
  /** Extends a lease; false when the lease was lost. */
  extend(id: string, token: string, leaseMs: number): Promise<boolean>;
  /** Puts the job back, due after `delayMs`. */
  retry(id: string, token: string, options: { delayMs: number; error: string }): Promise<void>;
  /** Records the final outcome; false (and nothing changes) when the lease was lost. */
  finish(id: string, token: string, outcome: { status: OutboxJobStatus; detail: string }): Promise<boolean>;
  /** Every job of a batch, in enqueue order (empty for an unknown batch). */
  batch(batch: string): Promise<OutboxJobRecord[]>;
  /** How many jobs of a batch are in each state. */
  counts(batch: string): Promise<Record<'queued' | OutboxJobStatus, number>>;
  /** Counts over all batches, for health checks and tests. */
  stats(): Promise<{ pending: number; leased: number; finished: number }>;
}

/** Everything the gateway keeps. `memoryStore()` for tests; `sqliteStore` and `redisStore` for production. */
export interface Store {
  readonly name: string;
  /** True when an enqueued item survives a crash of the process. */
  readonly durable: boolean;
  readonly inbox: InboxStore;
  /** Queued outbound sends (`gateway.enqueueSend`, `gateway.broadcast`). */
  readonly outbox: OutboxStore;
  readonly dedupe: DedupeStore;
  readonly conversations: ConversationStore;
  readonly messages: MessageStore;
  readonly locks: LockStore;
  /** Every conversation's append-only log: the web chat's truth and the record's history. */
  readonly log: EventLogStore;
  /** One customer across channels. */
  readonly contacts: ContactStore;
  /** Short values with a time to live (web chat credentials and tickets, X tokens, erasure tombstones). */
  readonly kv: KeyValueStore;
  /** Rate limits shared by every process on the store. */
  readonly rates: RateStore;
  /** Messages between processes on the store (in-process for memory and SQLite). */
  readonly pubsub: PubSub;
  /** Export and erasure of a person's data. */
  readonly privacy: PrivacyStore;
  close(): Promise<void>;
}
