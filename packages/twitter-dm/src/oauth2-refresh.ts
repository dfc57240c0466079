import {
  type AdapterRuntime,
  LoketError,
  type Logger,
  loketMessage,
  type SecretSet,
  type Transport,
} from '@loket/core';
import { z } from 'zod';
import type { XOAuth2Credentials, XTokens } from './twitter-dm-options.js';

/** What a token keeper needs. */
export interface TokenKeeperDeps {
  account: string;
  credentials: XOAuth2Credentials;
  /** The transport the token endpoint (`POST /2/oauth2/token`) is called through (no user auth on it). */
  http: Transport;
  runtime(): AdapterRuntime | undefined;
  now(): number;
  logger: Logger;
  /** Every pair this keeper adopts or obtains is declared here (scrubbed from errors and logs). */
  secrets?: SecretSet;
}

/** One account's OAuth 2.0 tokens: the newest pair, refreshed once however many sends (and processes) ask. */
export interface TokenKeeper {
  /** The access token to use now: the store's newest, refreshed first when it has expired. */
  ready(): Promise<string>;
  /** After X refused `rejected` (401): a new access token, from one refresh shared by every caller. */
  refresh(rejected: string): Promise<string>;
}

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});
const storedSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number().optional(),
});

const LOCK_TTL_MS = 30_000;
const WAIT_STEP_MS = 50;
// Waiting for another process's refresh is real time (a timer), not the transport's injectable backoff.
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// Refresh a little before X's expiry, so a token does not die between the check and the request.
const EXPIRY_SKEW_MS = 60_000;

/**
 * Keeps one account's OAuth 2.0 tokens. X refresh tokens are single-use (reusing an old one revokes the whole
 * family), so a refresh is single-flight in the process (one promise) and across processes (a store lock): under
 * the lock the newest pair is re-read from the store's key-value part, refreshed only if it is still the one X
 * refused, and persisted (store, then `onTokens`) before it is used.
 */
export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const { credentials: c, account } = deps;
  let current: XTokens = {
    accessToken: c.accessToken,
    refreshToken: c.refreshToken,
    ...(c.expiresAt === undefined ? {} : { expiresAt: c.expiresAt }),
  };
  let inflight: Promise<string> | undefined;
  const key = `loket:twitter-dm:oauth2:${c.clientId}:${account}`;

  async function newest(): Promise<XTokens | undefined> {
    const raw = await deps.runtime()?.store.kv?.get(key);
    if (raw === undefined) return undefined;
    try {
      return storedSchema.parse(JSON.parse(raw));
    } catch (err) {
      deps.logger.warn({ account, err }, 'twitter-dm: the stored OAuth 2.0 tokens are unreadable; using our own');
      return undefined;
    }
  }

  async function adoptNewest(): Promise<void> {
    const stored = await newest();
    if (!stored) return;
    deps.secrets?.add(stored.accessToken, stored.refreshToken);
    current = stored;
  }

  async function callTokenEndpoint(refreshToken: string): Promise<XTokens> {
    const basic = c.clientSecret ? Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64') : undefined;
    const { body } = await deps.http.request({
      method: 'POST',
      path: '/2/oauth2/token',
      urlencoded: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: c.clientId },
      ...(basic ? { headers: { authorization: `Basic ${basic}` } } : {}),
    });
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new LoketError('AUTH_FAILED', loketMessage('twitter-dm', 'the token endpoint answered without tokens'), {
        channel: 'twitter-dm',
        retryable: false,
      });
    }
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      // X rotates refresh tokens; keep the old one only if it sent none.
      refreshToken: t.refresh_token ?? refreshToken,
      ...(t.expires_in === undefined ? {} : { expiresAt: deps.now() + t.expires_in * 1000 }),
    };
  }

  async function persist(tokens: XTokens): Promise<void> {
    deps.secrets?.add(tokens.accessToken, tokens.refreshToken);
    await deps.runtime()?.store.kv?.set(key, JSON.stringify(tokens));
    current = tokens;
    try {
      await c.onTokens?.(tokens);
    } catch (err) {
      deps.logger.error({ account, err }, 'twitter-dm: onTokens failed; the new tokens are in use but not saved');
    }
  }

  /** Takes the store lock; answers its release, or undefined when another process refreshed meanwhile. */
  async function lock(rejected: string): Promise<(() => Promise<void>) | undefined> {
    const locks = deps.runtime()?.store.locks;
    if (!locks) return async () => {};
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const token = await locks.acquire(`${key}:refresh`, LOCK_TTL_MS);
      if (token !== null) return () => locks.release(`${key}:refresh`, token);
      await adoptNewest();
      if (current.accessToken !== rejected) return undefined;
      if (waited > LOCK_TTL_MS) {
        throw new LoketError('AUTH_FAILED', loketMessage('twitter-dm', 'another process holds the token refresh'), {
          channel: 'twitter-dm',
          retryable: true,
        });
      }
      await wait(WAIT_STEP_MS);
    }
  }

  async function refreshOnce(rejected: string): Promise<string> {
    await adoptNewest();
    if (current.accessToken !== rejected) return current.accessToken;
    const release = await lock(rejected);
    if (!release) return current.accessToken;
    try {
      // Under the lock: the pair may have changed while we waited for it.
      await adoptNewest();
      if (current.accessToken !== rejected) return current.accessToken;
      await persist(await callTokenEndpoint(current.refreshToken));
      deps.logger.info({ account }, 'twitter-dm: OAuth 2.0 tokens refreshed');
      return current.accessToken;
    } finally {
      await release();
    }
  }

  const refresh = (rejected: string): Promise<string> => {
    inflight ??= refreshOnce(rejected).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  return {
    refresh,
    async ready() {
      if (inflight) return inflight;
      await adoptNewest();
      const expired = current.expiresAt !== undefined && deps.now() >= current.expiresAt - EXPIRY_SKEW_MS;
      return expired ? refresh(current.accessToken) : current.accessToken;
    },
  };
}
