import { LoketError, loketMessage, scrubSecrets } from '@loket/core';
import { readXErrorBody } from './twitter-dm-error-body.js';
import { X_ERRORS, type XErrorRule } from './twitter-dm-errors.js';
import { xRetryAfterMs } from './twitter-dm-rate-limit.js';

/** A non-2xx X answer, as core's transport hands it over. */
export interface XErrorResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

function ruleFor(status: number, platformCode: number | undefined): XErrorRule {
  const byCode = platformCode === undefined ? undefined : X_ERRORS[String(platformCode)];
  if (byCode) return byCode;
  if (status >= 500) return X_ERRORS['5xx'] as XErrorRule;
  return X_ERRORS[String(status)] ?? { code: 'PLATFORM_ERROR', retryable: false };
}

/**
 * Maps an X error answer to a LoketError through {@link X_ERRORS}: the body's code first, the HTTP status
 * otherwise; rate-limit headers become `retryAfterMs`. `platformCode` is X's code, or the HTTP status when the
 * body has none. Declared secrets (core's registry) are scrubbed from X's text.
 */
export function mapXError(res: XErrorResponse, now: number): LoketError {
  const { platformCode, text } = readXErrorBody(res.body);
  const rule = ruleFor(res.status, platformCode);
  const retryAfterMs = rule.code === 'RATE_LIMITED' ? xRetryAfterMs(res.headers, now) : undefined;
  const said = text ? `: ${scrubSecrets(text)}` : '';
  const hint = rule.hint ? ` (${rule.hint})` : '';
  return new LoketError(rule.code, loketMessage('twitter-dm', `X answered ${res.status}${said}${hint}`), {
    channel: 'twitter-dm',
    retryable: rule.retryable,
    platformCode: platformCode ?? res.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    details: { status: res.status },
  });
}
