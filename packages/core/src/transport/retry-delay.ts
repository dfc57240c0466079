import { LoketError } from '../errors.js';

/** Reads a `Retry-After` header: delta seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The same error, with the wait the platform asked for attached. */
export function withRetryAfter(error: LoketError, retryAfterMs: number): LoketError {
  return new LoketError(error.code, error.message, {
    retryable: error.retryable,
    retryAfterMs,
    ...(error.channel === undefined ? {} : { channel: error.channel }),
    ...(error.platformCode === undefined ? {} : { platformCode: error.platformCode }),
    ...(error.details === undefined ? {} : { details: error.details }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}
