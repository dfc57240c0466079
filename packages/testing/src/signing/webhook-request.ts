import type { WebhookRequest } from '@loket/core';
import { type BodyInput, toBytes } from './bytes.js';

/** Fields of {@link webhookRequest}; everything has a default. */
export interface WebhookRequestInit {
  method?: string;
  /** Default `http://localhost/webhooks/<channel>`. */
  url?: string;
  channel?: string;
  headers?: HeadersInit;
  body?: BodyInput;
}

/** The default webhook URL of a channel on a local gateway. */
export function defaultWebhookUrl(channel = 'whatsapp'): string {
  return `http://localhost/webhooks/${channel}`;
}

/**
 * Builds a {@link WebhookRequest} (the shape adapters and the gateway take): POST by default, the body as bytes.
 *
 * @example
 * const req = webhookRequest({ channel: 'whatsapp', body: '{}', headers: { 'x-hub-signature-256': 'sha256=00' } });
 */
export function webhookRequest(init: WebhookRequestInit = {}): WebhookRequest {
  return {
    method: init.method ?? 'POST',
    url: init.url ?? defaultWebhookUrl(init.channel),
    headers: new Headers(init.headers),
    body: toBytes(init.body ?? ''),
  };
}

/**
 * Turns a {@link WebhookRequest} into a Web `Request`, for `gateway.fetch(request)` and other fetch-style hosts.
 *
 * @example
 * const res = await gateway.fetch(toFetchRequest(signedMetaRequest({ body, secret })));
 */
export function toFetchRequest(req: WebhookRequest): Request {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // A copy, so the Request owns a plain ArrayBuffer-backed view whatever the caller passed.
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body: hasBody ? new Uint8Array(req.body) : null,
  });
}
