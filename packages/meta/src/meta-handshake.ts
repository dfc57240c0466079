import { sameSecret, type WebhookReply, type WebhookRequest } from '@loket/core';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * Answers Meta's subscription check: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` gets 200 with
 * the raw challenge as text; a wrong token or mode gets 403; a request without `hub.*` parameters is not a
 * handshake (undefined).
 *
 * @example
 * const reply = metaHandshake(req, process.env.META_VERIFY_TOKEN!);
 * if (reply) return reply;
 */
export function metaHandshake(req: WebhookRequest, verifyToken: string): WebhookReply | undefined {
  if (req.method.toUpperCase() !== 'GET') return undefined;
  const params = new URL(req.url, 'http://localhost').searchParams;
  const mode = params.get('hub.mode');
  const token = params.get('hub.verify_token');
  const challenge = params.get('hub.challenge');
  if (mode === null && token === null && challenge === null) return undefined;
  if (mode !== 'subscribe' || token === null || !sameSecret(token, verifyToken)) {
    return { status: 403, headers: TEXT, body: 'hub.verify_token or hub.mode does not match' };
  }
  // Meta documents the challenge as an int; it is echoed as an opaque string, no JSON, no quotes.
  if (challenge === null) return { status: 400, headers: TEXT, body: 'hub.challenge is missing' };
  return { status: 200, headers: TEXT, body: challenge };
}
