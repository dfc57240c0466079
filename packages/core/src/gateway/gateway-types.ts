import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ChannelAdapter } from '../adapter.js';
import type { AutoReplyOptions } from '../hours/auto-reply.js';
import type { Logger, stderrLogger } from '../logger.js';
import type { Content } from '../model/content.js';
import type { ChannelId, ConversationRef } from '../model/conversation.js';
import type { EventOf, InboundEvent, InboundEventType } from '../model/events.js';
import type { ContentInput, OutboundInput, SendOptions, SendReceipt } from '../model/outbound.js';
import type { BroadcastOptions, BroadcastReport, OutboxHandle, OutboxListener } from '../outbox/outbox-types.js';
import type { ConsentApi } from '../policy/consent.js';
import type { ContactsApi } from '../record/contacts-api.js';
import type { HandoffOptions, HandoffResult } from '../record/handoff.js';
import type { ConversationsApi, HistoryOptions } from '../record/history.js';
import type { PrivacyApi } from '../record/privacy-api.js';
import type { Controller, HistoryEntry } from '../record/record-entries.js';
import type { RetentionOptions } from '../record/retention.js';
import type { SlaApi } from '../record/sla-api.js';
import type { SlaListener, SlaWatchOptions } from '../record/sla-watch.js';
import type { DeadLetter, Store } from '../store/store.js';
import type { GatewayHealth } from './health.js';
import type { GatewayListener } from './observe.js';

/** Options of `createGateway`. */
export interface GatewayOptions {
  /** The channel adapters to serve; at least one, each channel once. */
  channels: ChannelAdapter[];
  /** Where the inbox, dedupe claims and conversation state live. Default: a `memoryStore()` the gateway owns. */
  store?: Store;
  /** Prefix of the webhook routes `<basePath>/webhooks/<channel>`. Default `'/'`. */
  basePath?: string;
  /** Larger webhook bodies are refused with 413. Default 4 MiB. */
  maxBodyBytes?: number;
  /**
   * Where the gateway logs (secrets are redacted): a pino-compatible logger. Default: warnings and errors to stderr
   * ({@link stderrLogger}); `false` silences it.
   */
  logger?: Logger | false;
  /** If the store has not taken a webhook within this time, answer 503 so the platform retries. Default 1000. */
  ackTimeoutMs?: number;
  /** Words that revoke a customer's consent for every topic; `false` turns them off. Default: the policy's list. */
  stopWords?: string[] | false;
  /** Answer customers once per closed period outside business hours. */
  autoReply?: AutoReplyOptions;
  /** The inbox worker. */
  worker?: {
    /** Conversations handled in parallel. Default 16. */
    concurrency?: number;
    /** How long a worker holds an inbox item before another may take it (renewed while work goes on). Default 30000. */
    leaseMs?: number;
    /** How often the worker looks for work it was not woken for. Default 250. */
    pollMs?: number;
    /** Handler retries: exponential backoff with jitter. Defaults: 5 attempts, 500 ms base, 60000 ms max. */
    retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
    /** How long a handled event id is remembered, so a redelivery is skipped. Default 7 days (Meta retries that long). */
    dedupeTtlMs?: number;
  };
  /** The outbox worker behind `enqueueSend` and `broadcast`. */
  outbox?: {
    /** Sends in flight at a time (the pacer still spaces them). Default 8. */
    concurrency?: number;
    /** How long a worker holds a job before another may take it (renewed while the send goes on). Default 30000. */
    leaseMs?: number;
    /** How often the worker looks for due jobs it was not woken for. Default 250. */
    pollMs?: number;
    /** Retries of retryable failures (never sooner than a platform's Retry-After). Defaults: 8 tries, 1000 ms base, 300000 ms max. */
    retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  };
  /** Prune the record's history older than `historyDays`, on a timer while the gateway runs. */
  retention?: RetentionOptions;
  /** Watch the service level: `gateway.on('sla', ...)` hears of every wait past the target. */
  sla?: SlaWatchOptions;
  /** The clock (ms since the epoch). Default `Date.now`. */
  now?: () => number;
  /** Answer webhooks with 503 (the platform retries) while the inbox holds this many items or more. Default: no limit. */
  maxPending?: number;
  /** Serve `gateway.health()` as JSON on `GET <healthPath>` (200 when ok, else 503), e.g. `'/healthz'`. Default: none. */
  healthPath?: string;
}

/** Options of `ctx.reply`. */
export interface ReplyOptions extends SendOptions {
  /** The platform id of the message the reply quotes. */
  replyTo?: string;
  /** Messenger/Instagram: a human agent's reply, allowed up to 7 days after the customer's last message. */
  tag?: 'human_agent';
}

/** What a handler gets beside the event. */
export interface HandlerContext {
  /** Sends content to the event's conversation (a string is a text: `ctx.reply('Thanks!')`). */
  reply(content: ContentInput, options?: ReplyOptions): Promise<SendReceipt>;
  /** Sends any message (the same as `gateway.send`). */
  send(message: OutboundInput, options?: SendOptions): Promise<SendReceipt>;
  /** The conversation of the event. */
  conversation: ConversationRef;
  /** 1 on the first try; raised on each retry after the handler threw. */
  attempt: number;
  /** The gateway's logger, with the event's id and channel attached. */
  logger: Logger;
  /** Who answers the conversation now: the bot (default) or a human after `gateway.handoff`. */
  controller: Controller;
}

/** Options of `gateway.on`. */
export interface HandlerOptions {
  /** Run only while the conversation has this controller (`'bot'`: stop once a human has taken over). */
  when?: Controller;
}

/** The event type a handler is registered for, or `'*'` for every event. */
export type HandlerType = InboundEventType | '*';

/**
 * A user handler. It may run more than once for an event when it throws (at-least-once). What it returns is
 * awaited and ignored, so `(event, ctx) => ctx.reply('Thanks!')` fits as well as a block body.
 */
export type EventHandler<T extends HandlerType = '*'> = (
  event: T extends InboundEventType ? EventOf<T> : InboundEvent,
  ctx: HandlerContext,
) => unknown;

/** A handler for node:http, Express and Fastify (`reply.raw`); `next` is called for paths that are not ours. */
export type NodeHandler = (
  req: IncomingMessage & { rawBody?: unknown; body?: unknown },
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

/** The gateway: webhook routes, event handlers, sending, consent, and the inbox worker. */
export interface Gateway {
  /**
   * Web-standard handler (Hono, Next.js, Bun, Workers-style hosts). Hand it the Request before anything reads the
   * body: a webhook whose `request.bodyUsed` is answered 500 `CONFIG` (reason `body-already-read`) with the fix.
   */
  fetch(request: Request): Promise<Response>;
  /**
   * node:http / Express / Fastify handler. Mount it before any body parser: it needs the raw bytes (or a Buffer
   * `req.rawBody`). A webhook whose body a parser consumed is answered 500 `CONFIG` (reason `body-already-read`)
   * naming the framework and the fix, and told to stderr once per process.
   */
  readonly node: NodeHandler;
  /** Wires `request` (unless the server has a handler already) and WebSocket `upgrade` on a node:http server. */
  attach(server: Server): void;
  /** Takes a WebSocket `upgrade` for a channel's socket route; false (socket untouched) when the path is not one. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Registers a handler; returns a function that removes it. Handlers run in registration order, `'*'` last. */
  on<T extends HandlerType>(type: T, handler: EventHandler<T>, options?: HandlerOptions): () => void;
  /** Hears of each conversation that waits for a human past the `sla` target (needs `createGateway({ sla })`). */
  on(type: 'sla', listener: SlaListener): () => void;
  /** Content check, policy, pacing, then the adapter. Throws a LoketError when refused or failed. */
  send(message: OutboundInput, options?: SendOptions): Promise<SendReceipt>;
  /**
   * Stores a send and returns once it is stored; the outbox worker delivers it in the background through the same
   * checks, pacing and retries as `send` (also after a restart, by any gateway on the same store).
   */
  enqueueSend(message: OutboundInput, options?: SendOptions): Promise<OutboxHandle>;
  /**
   * Stores one send per recipient; each is delivered like `enqueueSend`, and only to recipients whose consent for
   * `options.topic` is granted when their send is tried (the others end as `skipped-no-consent`).
   */
  broadcast(recipients: ConversationRef[], content: Content, options: BroadcastOptions): Promise<OutboxHandle>;
  /** Where a batch (`OutboxHandle.id`) stands, per recipient; undefined when the store does not know it. */
  broadcastStatus(id: string): Promise<BroadcastReport | undefined>;
  /** Gets a progress report each time this process finishes an outbox job; returns a function that removes it. */
  onOutbox(listener: OutboxListener): () => void;
  /** Recorded consent per conversation and topic. */
  readonly consent: ConsentApi;
  /** The adapters by channel. */
  readonly adapters: ReadonlyMap<ChannelId, ChannelAdapter>;
  /** The store in use (its failures come out as LoketError `NETWORK`). */
  readonly store: Store;
  /**
   * Signals for operators: webhooks accepted or refused (reason, ack time), events handled, retried or dead-lettered,
   * sends accepted, refused (code) or failed, statuses received, pacing waits. Answers the function that removes it.
   */
  observe(listener: GatewayListener): () => void;
  /** Store reachable, workers running, queue depths and dead letters. Never throws. */
  health(): Promise<GatewayHealth>;
  /**
   * Starts the inbox and outbox workers. Without it, webhooks and queued sends are kept but not handled here.
   * Asks the store first: one that cannot be reached rejects the start with its error (`NETWORK`) and runs nothing.
   */
  start(): Promise<void>;
  /** Stops taking work, waits for in-flight work, closes the store if the gateway created it. */
  close(): Promise<void>;
  /** Webhook requests that failed for good, oldest first, raw bytes kept. */
  deadLetters(options?: { limit?: number }): Promise<DeadLetter[]>;
  /** Puts a dead letter back in the inbox (events already handled are skipped); false when there is none. */
  replay(id: string): Promise<boolean>;
  /** A page of a conversation's record (every message in and out, statuses, reactions, consent, handovers). */
  history(ref: ConversationRef, options?: HistoryOptions): Promise<HistoryEntry[]>;
  /** The conversations the record knows, by last activity. */
  readonly conversations: ConversationsApi;
  /** One customer across channels. */
  readonly contacts: ContactsApi;
  /** Switches who answers a conversation, records it, tells the platform where it has a handover protocol. */
  handoff(ref: ConversationRef, options: HandoffOptions): Promise<HandoffResult>;
  /** Who answers a conversation now. */
  controller(ref: ConversationRef): Promise<Controller>;
  /** Service levels from the record. */
  readonly sla: SlaApi;
  /** Export and erasure of a person's data (AVG / GDPR). */
  readonly privacy: PrivacyApi;
}
