import { type GraphErrorTable, MESSAGING_ERRORS, MESSAGING_OUTSIDE_WINDOW } from '@loket/meta';

/**
 * Instagram Messaging error codes (PLATFORM_RULES 3.7): the Messenger Platform's, plus the outside-window send
 * observed as 10/2534022 [S]. The business-use-case throttle 80002 is Graph-wide (RATE_LIMITED, retried).
 */
export const INSTAGRAM_ERRORS: GraphErrorTable = { ...MESSAGING_ERRORS, '10/2534022': MESSAGING_OUTSIDE_WINDOW };
