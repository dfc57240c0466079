import type { Capabilities } from './model/capabilities.js';
import type { ChannelId, ConversationRef } from './model/conversation.js';
import type { InboundEvent } from './model/events.js';
import type { Logger } from './logger.js';
import type { OutboundMessage, SendReceipt } from './model/outbound.js';
import type { PersonTarget } from './store/record-store.js';
import type { Store } from './store/store.js';
import type { AdapterRoutes } from './gateway/adapter-routes.js';
import type { BusinessHours } from './hours/business-hours.js';

/** A webhook request as the gateway hands it to an adapter: the raw body bytes, exactly as received. */
export interface WebhookRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array;
}

/** What the gateway answers a platform. */
export interface WebhookReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What the gateway lends an adapter that needs more than the request: the store, the logger and the clock. */
export interface AdapterRuntime {
  /** The gateway's store (locks, key-value, log, pub/sub), shared by every process on it. */
  store: Store;
  /** The gateway's logger (secrets redacted). */
  logger: Logger;
  /** The gateway's clock (ms since the epoch). */
  now: () => number;
  /**
   * Puts a request into the inbox durably (like a verified webhook) and wakes the worker; resolves with the inbox
   * id. For channels whose inbound traffic arrives on their own routes rather than on `/webhooks/<channel>`.
   */
  enqueue(request: WebhookRequest): Promise<string>;
  /** The gateway's business hours (`autoReply.hours`), for channels that show the customer whether someone is in. */
  hours?: BusinessHours;
}

/** One channel's implementation. Core never imports an adapter; it talks to this interface only. */
export interface ChannelAdapter {
  readonly channel: ChannelId;
  readonly capabilities: Capabilities;
  /** Answers a platform's subscription check (GET); undefined when the request is not one. */
  handshake(req: WebhookRequest): WebhookReply | undefined;
  /** Returns (or resolves) when the raw body is signed by the platform; otherwise throws (or rejects) a
   *  LoketError with code SIGNATURE_INVALID. */
  verify(req: WebhookRequest): void | Promise<void>;
  /** Normalizes one verified request into events. Never throws on kinds it does not know. */
  parse(req: WebhookRequest): InboundEvent[];
  /** Sends one message that already passed the content and policy checks; `author` says who wrote it. */
  send(message: OutboundMessage): Promise<SendReceipt>;
  /**
   * Called once by `createGateway`, before any request or send, for adapters that need the store (token refresh
   * shared across processes, a channel whose log lives in the store). An adapter is bound to one gateway.
   */
  bind?(runtime: AdapterRuntime): void;
  /**
   * Tells the platform who answers the conversation now (Messenger and Instagram: pass or take thread control).
   * `gateway.handoff` calls it; a rejection is logged and returned, and the controller switches all the same.
   */
  handover?(ref: ConversationRef, change: { to: 'bot' | 'human'; reason?: string }): Promise<void>;
  /**
   * Removes what the adapter keeps about a person outside the store (web chat attachments in their blob store);
   * `gateway.privacy.erase` calls it. Answers how many items went.
   */
  forget?(target: PersonTarget): Promise<number>;
  /**
   * HTTP routes (and an optional WebSocket stream) the channel serves beside its webhook route; the gateway mounts
   * them under `basePath` on both bindings.
   */
  readonly routes?: AdapterRoutes;
}
