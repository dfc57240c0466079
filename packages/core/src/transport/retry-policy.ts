import { LoketError } from '../errors.js';

// Failures before a byte of the request left: the platform cannot have acted on it.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a network failure happened before the request was sent (connection refused, DNS, connect timeout). */
export function surelyNotSent(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
  }
  return false;
}

/**
 * Whether a failed attempt may be tried again. GET, PUT and DELETE are idempotent: every retryable error is. A
 * POST creates something (a message): it is tried again only when it surely did not take effect — the connection
 * was refused, or the platform answered 429, 5xx or with a Retry-After. A POST that timed out or lost its
 * connection after it was sent may have been delivered, and sending it again could deliver it twice.
 */
export function mayRetry(method: string, error: LoketError, answered: boolean): boolean {
  if (!error.retryable) return false;
  if (method !== 'POST') return true;
  return answered || error.details?.sent === false;
}

/** A POST failure that may have reached the platform: not retryable, and it says so. */
export function maybeSent(error: LoketError): LoketError {
  return new LoketError(
    error.code,
    `${error.message} (the request may have reached the platform: not retried, so it is never sent twice)`,
    {
      retryable: false,
      details: { ...error.details, sent: 'unknown' },
      ...(error.channel === undefined ? {} : { channel: error.channel }),
      ...(error.cause === undefined ? {} : { cause: error.cause }),
    },
  );
}
