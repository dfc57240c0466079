import { LoketError } from '@loket/core';
import type { WebchatApi } from './api.js';
import { parseSession, type SessionAnswer } from './protocol.js';

/** What a session request starts from: the host's token (a signed-in customer) and the stored credential. */
export interface SessionInput {
  token: string | null | undefined;
  stored: string | undefined;
  /** The stored credential is already the verified customer's: nothing to merge. */
  verified: boolean;
  /** Called when the server refused the stored anonymous credential. */
  forgetStored(): void;
}

/**
 * Exchanges the host's JWT for a credential. The anonymous credential rides along in the body, so the server
 * can merge the visitor's conversation into the customer's; a server that refuses the extra field is asked
 * again without it.
 */
async function exchange(api: WebchatApi, token: string, anonymous: string | undefined): Promise<unknown> {
  if (anonymous) {
    try {
      return await api.request({ method: 'POST', path: 'session', json: { credential: anonymous }, bearer: token });
    } catch (err) {
      if (!LoketError.is(err) || (err.code !== 'BAD_REQUEST' && err.code !== 'AUTH_FAILED')) throw err;
    }
  }
  return api.request({ method: 'POST', path: 'session', json: {}, bearer: token });
}

/** `POST session`: with the host's token, or anonymous with the stored credential; answers the parsed session. */
export async function requestSession(api: WebchatApi, input: SessionInput): Promise<SessionAnswer> {
  const { token, stored } = input;
  let answer: unknown;
  if (token) {
    answer = await exchange(api, token, input.verified ? undefined : stored);
  } else {
    try {
      answer = await api.request({ method: 'POST', path: 'session', json: {}, bearer: stored ?? null });
    } catch (err) {
      // A revoked anonymous credential: start a new anonymous conversation rather than sign out.
      if (!(LoketError.is(err) && err.code === 'AUTH_FAILED' && stored)) throw err;
      input.forgetStored();
      answer = await api.request({ method: 'POST', path: 'session', json: {}, bearer: null });
    }
  }
  const session = parseSession(answer);
  if (!session) {
    throw new LoketError('PLATFORM_ERROR', '[loket] [webchat] POST session answered without a credential', {
      channel: 'webchat',
    });
  }
  return session;
}
