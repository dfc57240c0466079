import type { LoketErrorCode } from '@loket/core';

/** What one X error code means for Loket. */
export interface XErrorRule {
  code: LoketErrorCode;
  retryable: boolean;
  hint?: string;
}

const auth = (hint: string): XErrorRule => ({ code: 'AUTH_FAILED', retryable: false, hint });

/** X's DM error codes (PLATFORM_RULES 4.7), in v1.1 `errors[].code` bodies; HTTP statuses are the fallback. */
export const X_ERRORS: Record<string, XErrorRule> = {
  '349': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'the user does not accept DMs from this account' },
  '150': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'the user does not follow this account' },
  '151': { code: 'PLATFORM_ERROR', retryable: true, hint: 'X could not send the message' },
  '354': { code: 'CONTENT_LIMIT', retryable: false, hint: 'the text is over the DM character limit: split it' },
  '93': auth('the app lacks the Direct Message permission: change it to "Read, write and Direct Messages"'),
  '226': { code: 'PLATFORM_ERROR', retryable: false, hint: 'X took the request for automated spam' },
  '326': auth('the sending account is temporarily locked: unlock it on x.com'),
  '88': { code: 'RATE_LIMITED', retryable: true, hint: 'the rate limit was reached' },
  '32': auth('X could not authenticate the request: check the credentials'),
  '89': auth('the token is invalid or expired: re-authorize the account'),
  '215': auth('the request carried bad authentication data'),
  '130': { code: 'PLATFORM_ERROR', retryable: true, hint: 'X is over capacity' },
  '131': { code: 'PLATFORM_ERROR', retryable: true, hint: 'X had an internal error' },
  '429': { code: 'RATE_LIMITED', retryable: true, hint: 'too many requests' },
  '401': auth('X refused the credentials'),
  '403': { code: 'AUTH_FAILED', retryable: false, hint: 'the account or app may not do this' },
  '400': { code: 'BAD_REQUEST', retryable: false },
  '404': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'the user or conversation does not exist' },
  '413': { code: 'CONTENT_LIMIT', retryable: false, hint: 'the request body is too large' },
  '5xx': { code: 'PLATFORM_ERROR', retryable: true, hint: 'X had a server error' },
};
