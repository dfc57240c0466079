import type { ChannelAdapter, ChannelId, WebhookRequest } from '@loket/core';
import type { Fixtures } from '../../fixtures/fixture-schemas.js';
import type { BodyInput } from '../../signing/bytes.js';

/** How a channel signs its webhooks: the secret the adapter under test was created with, and the header maker. */
export interface SignatureScheme {
  secret: string;
  /** The signature headers the platform sends for `body` signed with `secret` (lowercase names). */
  sign(body: Uint8Array, secret: string): Record<string, string>;
}

/** Subscription checks: one the adapter must accept, some it must refuse, some that are not checks at all. */
export interface HandshakeCases {
  /** A check with the right token; the adapter answers 200 and exactly `body`. */
  valid: { request: WebhookRequest; body: string };
  /** Checks the adapter answers with a non-200 reply (wrong token, wrong mode). */
  invalid: WebhookRequest[];
  /** Requests that are no check (the adapter answers undefined). Default: a bare GET and a signed POST. */
  notHandshake?: WebhookRequest[];
}

/** Options of `describeAdapterConformance`. */
export interface AdapterConformanceOptions {
  channel: ChannelId;
  /** Builds the adapter under test. `apiBaseUrl` points at the suite's local server (send and error mapping). */
  create(options: { apiBaseUrl: string }): ChannelAdapter;
  /**
   * How the platform signs webhooks, or `false` for a channel that takes no platform webhooks (the web chat: its
   * own clients write to its own routes with credentials). With `false`, the suite checks instead that `verify`
   * refuses every webhook request with SIGNATURE_INVALID, so nothing can post as the channel.
   */
  signature: SignatureScheme | false;
  /** The platform's subscription checks, or `false` when it has none (then `handshake` must answer undefined). */
  handshake: HandshakeCases | false;
  /**
   * False for a channel whose inbound requests carry one item each (no batch envelope to merge): the batched-delivery
   * case is skipped. Default true.
   */
  batches?: boolean;
  /** The recorded fixtures, usually `loadFixtures(channel)`. */
  fixtures: Fixtures;
  /**
   * Bodies that carry a kind the adapter cannot know; each must parse to at least one `unsupported` event. The suite
   * also derives such bodies from the fixtures (`{ type: K, K: {...} }` items and Graph `{ field, value }` changes).
   */
  unknownKinds?: { name: string; body: BodyInput }[];
  /**
   * Every secret the adapter under test was created with (app secret, tokens, OAuth secrets): none may reach an
   * error, even when the platform's answer quotes it. Default: the signature secret.
   */
  secrets?: string[];
  /**
   * Which fixtures can share one delivery: bodies with the same key are merged into one batch and must yield all
   * their events. Default: the body's top-level primitive fields (Meta's `object`, X's `for_user_id`). Answer
   * undefined for a body the platform never batches (X Activity API deliveries carry one event each).
   */
  batchKey?: (body: unknown) => string | undefined;
  /**
   * True for an adapter that drops a `replyTo` it cannot show (with a note) instead of refusing it, as X DMs do:
   * the declared-content case then expects the send to go out without the quote rather than UNSUPPORTED_CONTENT.
   */
  dropsReplyTo?: boolean;
  /** False for a channel whose `send` makes no HTTP request (the send and error-mapping cases are skipped). */
  sendsOverHttp?: boolean;
}
