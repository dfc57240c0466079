import type { WebhookRequest } from '@loket/core';
import type { BodyInput } from './bytes.js';
import { signX } from './signers.js';
import { defaultWebhookUrl, webhookRequest } from './webhook-request.js';

/** The two signature headers X sends: the OAuth 2.0 one (client secret) and the legacy one (consumer secret). */
export type XSignatureHeader = 'x-twitter-webhooks-signature' | 'x-twitter-webhooks-signature-oauth2';

/** Fields of {@link signedXRequest}. */
export interface SignedXRequestInit {
  body: BodyInput;
  /** The consumer secret (legacy header) or the OAuth 2.0 client secret (`-oauth2` header). */
  secret: string;
  /** Default `x-twitter-webhooks-signature`. */
  header?: XSignatureHeader;
  url?: string;
  headers?: Record<string, string>;
}

/**
 * A webhook POST as X sends it: the body with `sha256=<base64 HMAC>` in the signature header.
 *
 * @example
 * await adapter.verify(signedXRequest({ body: '{"for_user_id":"1"}', secret: 'consumer-secret' }));
 */
export function signedXRequest(init: SignedXRequestInit): WebhookRequest {
  return webhookRequest({
    method: 'POST',
    url: init.url ?? defaultWebhookUrl('twitter-dm'),
    headers: {
      'content-type': 'application/json',
      [init.header ?? 'x-twitter-webhooks-signature']: signX(init.body, init.secret),
      ...init.headers,
    },
    body: init.body,
  });
}

/**
 * The CRC check X sends: `GET <url>?crc_token=<token>`. The expected answer is
 * `{"response_token": signX(crcToken, secret)}`.
 *
 * @example
 * adapter.handshake(xCrcRequest({ crcToken: 'abc' }));
 */
export function xCrcRequest(init: { crcToken: string; url?: string }): WebhookRequest {
  const url = new URL(init.url ?? defaultWebhookUrl('twitter-dm'));
  url.searchParams.set('crc_token', init.crcToken);
  return webhookRequest({ method: 'GET', url: url.toString() });
}
