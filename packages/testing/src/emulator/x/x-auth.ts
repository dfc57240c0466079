import type { EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import { xProblem } from './x-errors.js';
import type { XState } from './x-state.js';

/** Who is calling: the X user id a token starts with (`2244994945-…`, X's OAuth 1.0a form), else `*`. */
export interface XCaller {
  account: string;
}

/**
 * User context is required (PLATFORM_RULES 4.9): `Authorization: OAuth …` or `Bearer <user token>`. A token the
 * emulator was told is expired gets 401, as X answers an expired OAuth 2.0 token.
 */
export function xCaller(req: EmulatorRequest, state: XState): XCaller | EmulatorReply {
  const header = req.headers.authorization ?? '';
  const oauth1 = /oauth_token="([^"]+)"/.exec(header);
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  const token = oauth1 ? decodeURIComponent(oauth1[1] ?? '') : bearer?.[1];
  if (!header.startsWith('OAuth ') && !bearer) return xProblem(401, 'Unauthorized');
  if (token === undefined || state.expiredTokens.has(token)) return xProblem(401, 'Unauthorized');
  return { account: /^(\d+)-/.exec(token)?.[1] ?? '*' };
}

/** True when `xCaller` refused the request. */
export const isReply = (value: XCaller | EmulatorReply): value is EmulatorReply => 'status' in value;
