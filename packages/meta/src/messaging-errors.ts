import type { GraphErrorRule, GraphErrorTable } from './graph-error-rules.js';

const outsideWindow: GraphErrorRule = {
  code: 'OUTSIDE_WINDOW',
  retryable: false,
  hint: 'outside the 24-hour window: wait for the customer, or let a human agent answer with tag: human_agent (7 days)',
};
const unavailable: GraphErrorRule = {
  code: 'RECIPIENT_UNAVAILABLE',
  retryable: false,
  hint: 'the person blocked the account, turned messages off or is gone: stop sending to them',
};

/**
 * Messenger Platform error codes Messenger and Instagram share (PLATFORM_RULES 2.7, 3.7); Graph-wide codes
 * (4/17/32/613 and 80001–80009 throttling, 1/2 temporary, 190 tokens, 10 and 200–299 permissions, 100) are known
 * to {@link mapGraphError} without this table. Each adapter spreads it into its own table.
 */
export const MESSAGING_ERRORS: GraphErrorTable = {
  '10/2018278': outsideWindow,
  '10/1893063': { code: 'AUTH_FAILED', retryable: false, hint: 'the Page is temporarily restricted from sending' },
  '551': unavailable,
  '100/2018001': { ...unavailable, hint: 'no such user: a wrong PSID/IGSID, or one of another Page' },
  '100/2018047': {
    code: 'MEDIA_ERROR',
    retryable: false,
    hint: 'the attachment could not be uploaded (content type?)',
  },
  '1200': { code: 'PLATFORM_ERROR', retryable: true, hint: 'a temporary send error' },
  '199': { code: 'AUTH_FAILED', retryable: false, hint: 'often a missing permission or access level' },
};

/** The outside-window rule, for products that report it under other codes (Instagram: 10/2534022). */
export const MESSAGING_OUTSIDE_WINDOW: GraphErrorRule = outsideWindow;
