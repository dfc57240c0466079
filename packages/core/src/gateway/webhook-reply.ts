import type { WebhookReply } from '../adapter.js';
import type { LoketError } from '../errors.js';
import { BODY_ALREADY_READ, isBodyAlreadyRead } from './body-already-read.js';

/** A JSON answer. */
export function jsonReply(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): WebhookReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

const STATUS_BY_CODE: Partial<Record<LoketError['code'], number>> = {
  SIGNATURE_INVALID: 401,
  AUTH_FAILED: 401,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
};

/** The 503 for a webhook the store could not take (down, unreachable): the platform retries it later. */
export function storeUnavailableReply(): WebhookReply {
  return jsonReply(503, { error: 'store unavailable' });
}

/** The HTTP answer for an error on the request path; unknown codes are the server's fault (500, the platform retries). */
export function errorReply(err: LoketError): WebhookReply {
  // The operator's own setup is at fault and the message says how to fix it (it holds no secret): show it.
  if (isBodyAlreadyRead(err)) {
    const { framework, fix } = err.details ?? {};
    return jsonReply(500, { error: err.code, reason: BODY_ALREADY_READ, framework, fix, message: err.message });
  }
  // A store call that failed (guardStore marks them with channel 'store'): the store is away, not our bug.
  if (err.code === 'NETWORK' && err.channel === 'store') return storeUnavailableReply();
  const status = STATUS_BY_CODE[err.code] ?? 500;
  const extra: Record<string, string> = status === 413 ? { connection: 'close' } : {};
  return jsonReply(status, { error: err.code, message: status === 500 ? 'internal error' : err.message }, extra);
}

/** Every answer says what it is: a handshake echoes caller-chosen text, which must never be sniffed as HTML. */
export function withSafetyHeaders(reply: WebhookReply): WebhookReply {
  return { ...reply, headers: { ...reply.headers, 'x-content-type-options': 'nosniff' } };
}
