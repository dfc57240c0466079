import { type GraphErrorTable, MESSAGING_ERRORS } from '@loket/meta';

/**
 * Messenger Send API error codes (PLATFORM_RULES 2.7): 10/2018278 OUTSIDE_WINDOW, 551 RECIPIENT_UNAVAILABLE,
 * 10/1893063 a restricted Page, 100/2018001 no such user, 100/2018047 upload failures, 1200 temporary, 199.
 * The throttling codes 4/17/32/613/80006 (RATE_LIMITED, retried by the transport), 190 (AUTH_FAILED), 2 and 100
 * are Graph-wide and known to `@loket/meta`.
 */
export const MESSENGER_ERRORS: GraphErrorTable = { ...MESSAGING_ERRORS };
