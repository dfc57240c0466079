import { randomBytes } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest } from '../emulator-channel.js';
import type { XState } from './x-state.js';

const token = () => randomBytes(24).toString('base64url');

/**
 * `POST /2/oauth2/token` with `grant_type=refresh_token`: a new access token and a new refresh token. Refresh
 * tokens are single-use: a second use answers `invalid_request`, as X does (and X revokes the family then).
 */
export function refreshToken(req: EmulatorRequest, state: XState): EmulatorReply {
  const form = new URLSearchParams(Buffer.from(req.body).toString('utf8'));
  const refresh = form.get('refresh_token');
  if (form.get('grant_type') !== 'refresh_token' || !refresh || !form.get('client_id')) {
    return {
      status: 400,
      json: { error: 'invalid_request', error_description: 'grant_type, refresh_token and client_id are required' },
    };
  }
  if (state.usedRefreshTokens.has(refresh)) {
    return {
      status: 400,
      json: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' },
    };
  }
  state.usedRefreshTokens.add(refresh);
  state.refreshes++;
  return {
    status: 200,
    json: {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: token(),
      scope: 'dm.read dm.write tweet.read users.read offline.access',
      refresh_token: token(),
    },
  };
}
