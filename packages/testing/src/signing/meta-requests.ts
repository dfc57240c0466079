import type { WebhookRequest } from '@loket/core';
import type { BodyInput } from './bytes.js';
import { signMeta } from './signers.js';
import { defaultWebhookUrl, webhookRequest } from './webhook-request.js';

/** Fields of {@link signedMetaRequest}. */
export interface SignedMetaRequestInit {
  /** The raw body, signed exactly as given (never re-serialized). */
  body: BodyInput;
  /** The Meta app secret. */
  secret: string;
  url?: string;
  /** Picks the default URL, `http://localhost/webhooks/<channel>` (default `whatsapp`). */
  channel?: 'whatsapp' | 'messenger' | 'instagram';
  /** Extra headers; they win over the defaults. */
  headers?: Record<string, string>;
}

/**
 * A webhook POST as Meta sends it: the body, `content-type: application/json` and `x-hub-signature-256`.
 *
 * @example
 * const body = readFileSync('node_modules/@loket/testing/fixtures/whatsapp/inbound/text.json');
 * await adapter.verify(signedMetaRequest({ body, secret: 'app-secret' })); // resolves
 */
export function signedMetaRequest(init: SignedMetaRequestInit): WebhookRequest {
  return webhookRequest({
    method: 'POST',
    url: init.url ?? defaultWebhookUrl(init.channel),
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signMeta(init.body, init.secret),
      ...init.headers,
    },
    body: init.body,
  });
}

/** Fields of {@link metaHandshakeRequest}. */
export interface MetaHandshakeInit {
  verifyToken: string;
  /** The opaque value the endpoint must echo (default `1158201444`). */
  challenge?: string;
  /** `hub.mode` (default `subscribe`). */
  mode?: string;
  /** The webhook URL the query is added to (default `http://localhost/webhooks/whatsapp`). */
  url?: string;
}

/**
 * The subscription check Meta sends when a callback URL is saved:
 * `GET <url>?hub.mode=subscribe&hub.verify_token=<token>&hub.challenge=<challenge>`.
 *
 * @example
 * adapter.handshake(metaHandshakeRequest({ verifyToken: 'vt', challenge: '42' })); // { status: 200, body: '42' }
 */
export function metaHandshakeRequest(init: MetaHandshakeInit): WebhookRequest {
  const url = new URL(init.url ?? defaultWebhookUrl());
  url.searchParams.set('hub.mode', init.mode ?? 'subscribe');
  url.searchParams.set('hub.verify_token', init.verifyToken);
  url.searchParams.set('hub.challenge', init.challenge ?? '1158201444');
  return webhookRequest({ method: 'GET', url: url.toString() });
}
