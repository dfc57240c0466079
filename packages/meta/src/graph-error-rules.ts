import type { LoketErrorCode } from '@loket/core';

/** How one platform error code maps onto Loket: our code, whether a retry may help, and what to do about it. */
export interface GraphErrorRule {
  code: LoketErrorCode;
  retryable: boolean;
  /** Wait this long before retrying when the response carries no Retry-After of its own. */
  retryAfterMs?: number;
  /** What the caller should do, appended to the message. */
  hint?: string;
}

/** A product's error codes, keyed by `"<code>"` or `"<code>/<subcode>"` (the more specific key wins). */
export type GraphErrorTable = Readonly<Record<string, GraphErrorRule>>;

const throttled: GraphErrorRule = { code: 'RATE_LIMITED', retryable: true, hint: 'back off and retry' };
const permission: GraphErrorRule = {
  code: 'AUTH_FAILED',
  retryable: false,
  hint: 'the token lacks a permission or the app lacks approval for it',
};

/**
 * Graph-wide codes every Meta product shares, used when a product's table has no entry:
 * 4/17/32/613 app, user, Page and custom throttling, 80001–80009 business-use-case limits (80006 Messenger,
 * 80007 WhatsApp), 1/2 temporary errors, 190/102 bad tokens, 10 and 200–299 permissions, 100 bad parameters.
 */
export function genericGraphRule(code: number): GraphErrorRule | undefined {
  if ([4, 17, 32, 613].includes(code) || (code >= 80001 && code <= 80009)) return throttled;
  if (code === 1 || code === 2) return { code: 'PLATFORM_ERROR', retryable: true, hint: 'a temporary Graph error' };
  if (code === 190 || code === 102) {
    return { code: 'AUTH_FAILED', retryable: false, hint: 'the access token is invalid or expired: issue a new one' };
  }
  if (code === 10 || (code >= 200 && code <= 299)) return permission;
  if (code === 100) return { code: 'BAD_REQUEST', retryable: false, hint: 'a parameter is invalid' };
  return undefined;
}

/** The rule for an HTTP status when the body names no known code. */
export function httpStatusRule(status: number): GraphErrorRule {
  if (status === 429) return throttled;
  if (status >= 500) return { code: 'PLATFORM_ERROR', retryable: true };
  if (status === 401 || status === 403) return { ...permission, hint: 'the token was refused' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', retryable: false };
  return { code: 'BAD_REQUEST', retryable: false };
}
