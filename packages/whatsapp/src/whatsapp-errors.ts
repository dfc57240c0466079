import type { GraphErrorRule, GraphErrorTable } from '@loket/meta';

const template = (hint: string): GraphErrorRule => ({ code: 'BAD_REQUEST', retryable: false, hint });
const blocked: GraphErrorRule = {
  code: 'AUTH_FAILED',
  retryable: false,
  hint: 'the WhatsApp account may not send: check its status in WhatsApp Manager',
};

/**
 * WhatsApp Cloud API error codes (PLATFORM_RULES 1.7), for synchronous error bodies and for asynchronous
 * `errors[]` in status, message and value webhooks. Graph-wide codes (4/17/613, 1/2, 190, 100, 10, 200–299) are
 * known to `@loket/meta`; 80007 is repeated here because it is WhatsApp's own.
 */
export const WHATSAPP_ERRORS: GraphErrorTable = {
  '131047': {
    code: 'OUTSIDE_WINDOW',
    retryable: false,
    hint: 'more than 24 hours since the customer last wrote: send an approved template',
  },
  '131026': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'the number cannot receive WhatsApp messages' },
  '131051': { code: 'UNSUPPORTED_CONTENT', retryable: false },
  '131052': { code: 'MEDIA_ERROR', retryable: false, hint: 'the media could not be downloaded: fix it and send again' },
  '131053': {
    code: 'MEDIA_ERROR',
    retryable: false,
    hint: 'the media could not be uploaded: check its MIME type and size',
  },
  '131000': { code: 'PLATFORM_ERROR', retryable: true },
  '131009': { code: 'BAD_REQUEST', retryable: false, hint: 'a parameter value is invalid' },
  '131016': { code: 'PLATFORM_ERROR', retryable: true, hint: 'the service is temporarily unavailable' },
  '130429': { code: 'RATE_LIMITED', retryable: true, hint: 'the number reached its messages-per-second limit' },
  // Pair rate limit: Meta asks for a 4^X s backoff, which is the transport's exponential backoff.
  '131056': { code: 'RATE_LIMITED', retryable: true, hint: 'too many messages to this recipient: slow down' },
  '131048': { code: 'RATE_LIMITED', retryable: false, hint: 'spam rate limit from low quality: improve quality first' },
  '131049': {
    code: 'RATE_LIMITED',
    retryable: false,
    retryAfterMs: 24 * 3_600_000,
    hint: 'marketing message held back for ecosystem health: do not retry within 24 hours',
  },
  // The user stopped marketing messages: the consent for that topic is gone, service messages may still reach them.
  '131050': { code: 'CONSENT_REQUIRED', retryable: false, hint: 'the user stopped marketing messages from you' },
  '131057': {
    code: 'RATE_LIMITED',
    retryable: true,
    retryAfterMs: 60_000,
    hint: 'the number is being upgraded to a higher throughput (up to a minute)',
  },
  '130472': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'held back as part of a Meta experiment' },
  '131042': { ...blocked, hint: 'a payment or eligibility problem on the account: fix billing first' },
  '131031': { ...blocked, hint: 'the account is locked' },
  '368': { ...blocked, hint: 'the account is blocked for policy violations' },
  '131005': { code: 'AUTH_FAILED', retryable: false, hint: 'access denied: check the token permissions' },
  '131008': template('a required parameter is missing'),
  '131021': template('the recipient is the sending number itself'),
  '131062': {
    code: 'UNSUPPORTED_CONTENT',
    retryable: false,
    hint: 'this message cannot be sent to a BSUID: use a phone number',
  },
  '133010': { code: 'CONFIG', retryable: false, hint: 'the sending phone number is not registered on the Cloud API' },
  '137000': { code: 'RECIPIENT_UNAVAILABLE', retryable: false, hint: 'the recipient identity key changed' },
  '80007': { code: 'RATE_LIMITED', retryable: true, hint: 'the WhatsApp Business Account rate limit was reached' },
  ...templateErrors(),
};

/** 132000–132016: template problems, none retryable (the template or its parameters must change). */
function templateErrors(): Record<string, GraphErrorRule> {
  const out: Record<string, GraphErrorRule> = {};
  for (let code = 132000; code <= 132016; code++) out[code] = template('the template or its parameters must change');
  out['132000'] = template('the number of template parameters does not match the template');
  out['132001'] = template('the template does not exist in this language');
  out['132005'] = { code: 'CONTENT_LIMIT', retryable: false, hint: 'the template text is too long once filled in' };
  out['132007'] = template('the template content violates a WhatsApp policy');
  out['132012'] = template('a template parameter has the wrong format');
  out['132015'] = template('the template is paused for low quality');
  out['132016'] = template('the template is disabled for low quality');
  return out;
}
