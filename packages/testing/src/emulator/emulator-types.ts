import type { ChannelId } from '@loket/core';

/** Options of `createEmulator`. */
export interface EmulatorOptions {
  /** The Meta app secret the emulator signs its webhooks with (the gateway's adapters verify with it). */
  appSecret: string;
  /** The verify token `emulator.verifyWebhook()` sends in its `hub.challenge` check. */
  verifyToken?: string;
  /** When set, Graph calls must carry `Authorization: Bearer <accessToken>`; otherwise any bearer token passes. */
  accessToken?: string;
  /** Where webhooks go: `<gatewayUrl>/webhooks/<channel>`. Settable later through `emulator.gatewayUrl`. */
  gatewayUrl?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** The Graph version requests must use (default `v25.0`). */
  graphVersion?: string;
  /** After each accepted send, fire `sent`, `delivered`, `read` status webhooks, `delayMs` apart (default 25). */
  autoStatuses?: boolean | { delayMs?: number };
  /**
   * X: the consumer secret webhooks are signed with in the legacy header (default `appSecret`), the client secret
   * for the OAuth 2.0 header (and CRC answers), and the envelope customers deliver (`aaa`, or `xaa`).
   */
  x?: { consumerSecret?: string; clientSecret?: string; envelope?: 'aaa' | 'xaa' };
  /** The clock webhook timestamps come from (default `Date.now`). */
  now?: () => number;
}

/** One HTTP request the emulator answered. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Uint8Array;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  at: number;
  /** What the emulator answered. */
  status: number;
  response: unknown;
  /** True when the answer came from `inject(...)`. */
  injected: boolean;
}

/** A message the emulator accepted (and gave a platform id). */
export interface SentMessage {
  channel: ChannelId;
  /** The platform message id the send answered (`wamid.…`). */
  id: string;
  /** The sending account (WhatsApp phone_number_id). */
  account: string;
  /** The recipient as given (`+31612345678`). */
  to: string;
  /** The platform's message type (`text`, `interactive`, `template`, ...). */
  type: string;
  /** The request body as sent. */
  body: Record<string, unknown>;
  at: number;
}

/** One webhook the emulator fired at the gateway. */
export interface WebhookDelivery {
  channel: ChannelId;
  /** What it carries: `message`, `status:sent`, `reaction`, `handshake`, ... */
  kind: string;
  url: string;
  /** The exact (signed) body. */
  body: string;
  /** The gateway's HTTP status; 0 when it could not be reached. */
  status: number;
  error?: string;
  at: number;
}

/** A canned answer for the next matching request(s). */
export interface Injection {
  status: number;
  headers?: Record<string, string>;
  /** Default: the platform's error body for `status`. */
  body?: unknown;
  /** How many requests it answers (default 1). */
  times?: number;
  /** Only requests with this method / a path containing this string or matching this pattern. */
  match?: { method?: string; path?: string | RegExp };
}

/** Events the emulator emits, for `loket dev` and examples to print what happens. */
export interface EmulatorEvents {
  request: [RecordedRequest];
  sent: [SentMessage];
  webhook: [WebhookDelivery];
}
