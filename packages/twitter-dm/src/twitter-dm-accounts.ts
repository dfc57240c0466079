import {
  type AdapterRuntime,
  createTransport,
  LoketError,
  type Logger,
  loketMessage,
  type SecretSet,
  type Transport,
} from '@loket/core';
import { oauth1Header } from './oauth1.js';
import { createTokenKeeper, type TokenKeeper } from './oauth2-refresh.js';
import { mapXError } from './twitter-dm-map-error.js';
import type { ResolvedTwitterDmOptions, XCredentials, XOAuth1Credentials } from './twitter-dm-options.js';

/** One sending account: its credentials' kind, its transport (auth on every attempt), its OAuth 2.0 tokens. */
export interface XAccount {
  userId: string;
  kind: 'oauth1' | 'oauth2';
  http: Transport;
  tokens?: TokenKeeper;
  oauth1?: XOAuth1Credentials;
  /**
   * Runs one API call with this account's auth; with OAuth 2.0 a 401 refreshes the token once (shared with every
   * concurrent caller) and the call is made again.
   */
  call<T>(run: (http: Transport) => Promise<T>): Promise<T>;
}

/** The accounts of one adapter. */
export interface XAccounts {
  /** The account a message is sent from: `to.account`, else `userId`, else the only one configured. */
  resolve(account: string): string;
  get(userId: string): XAccount;
}

/** What building accounts needs from the adapter. */
export interface AccountDeps {
  options: ResolvedTwitterDmOptions;
  apiBaseUrl: string;
  runtime(): AdapterRuntime | undefined;
  now(): number;
  sleep(ms: number): Promise<void>;
  logger: Logger;
  /** Where refreshed OAuth 2.0 tokens are declared, so they are scrubbed like the configured ones. */
  secrets?: SecretSet;
}

const is401 = (err: unknown): boolean =>
  LoketError.is(err) && err.code === 'AUTH_FAILED' && (err.details as { status?: unknown } | undefined)?.status === 401;

function configError(text: string): LoketError {
  return new LoketError('CONFIG', loketMessage('twitter-dm', text), { channel: 'twitter-dm' });
}

/** Every secret of the adapter, for scrubbing X's texts. */
export function secretsOf(options: ResolvedTwitterDmOptions): string[] {
  const creds = 'kind' in options.credentials ? [options.credentials] : Object.values(options.credentials);
  const own = creds.flatMap((c) =>
    c.kind === 'oauth1' ? [c.consumerSecret, c.token, c.tokenSecret] : [c.accessToken, c.refreshToken, c.clientSecret],
  );
  return [options.consumerSecret, options.clientSecret, options.bearerToken, ...own].filter(
    (s): s is string => typeof s === 'string',
  );
}

/** Builds the accounts: a map by X user id, or one set of credentials for `userId` (or any account). */
export function createAccounts(deps: AccountDeps): XAccounts {
  const { options } = deps;
  const single = 'kind' in options.credentials ? (options.credentials as XCredentials) : undefined;
  const map = single ? {} : (options.credentials as Record<string, XCredentials>);
  const built = new Map<string, XAccount>();
  const mapError = (res: Parameters<typeof mapXError>[0]) => mapXError(res, deps.now());
  const base = { channel: 'twitter-dm', baseUrl: deps.apiBaseUrl, mapError, logger: deps.logger, ...options.transport };
  const tokenHttp = createTransport(base);

  function build(userId: string, creds: XCredentials): XAccount {
    if (creds.kind === 'oauth1') {
      const keys = creds as XOAuth1Credentials;
      const http = createTransport({ ...base, headers: (req) => ({ authorization: oauth1Header(req, keys) }) });
      return { userId, kind: 'oauth1', http, oauth1: keys, call: (run) => run(http) };
    }
    const tokens = createTokenKeeper({
      account: userId,
      credentials: creds as Parameters<typeof createTokenKeeper>[0]['credentials'],
      http: tokenHttp,
      runtime: deps.runtime,
      now: deps.now,
      logger: deps.logger,
      ...(deps.secrets ? { secrets: deps.secrets } : {}),
    });
    let bearer = '';
    const http = createTransport({ ...base, headers: () => ({ authorization: `Bearer ${bearer}` }) });
    const call = async <T>(run: (h: Transport) => Promise<T>): Promise<T> => {
      bearer = await tokens.ready();
      const used = bearer;
      try {
        return await run(http);
      } catch (err) {
        if (!is401(err)) throw err;
        bearer = await tokens.refresh(used);
        return run(http);
      }
    };
    return { userId, kind: 'oauth2', http, tokens, call };
  }

  return {
    resolve(account) {
      if (account && account !== '*') return account;
      const fallback =
        options.userId ?? (single ? undefined : Object.keys(map).length === 1 ? Object.keys(map)[0] : undefined);
      if (!fallback) throw configError('no account to send from: set to.account or pass userId to twitterDm({...})');
      return fallback;
    },
    get(userId) {
      const found = built.get(userId);
      if (found) return found;
      const creds = single && (!options.userId || options.userId === userId) ? single : map[userId];
      if (!creds)
        throw configError(`no credentials for X account ${userId}: add them to credentials in twitterDm({...})`);
      const account = build(userId, creds);
      built.set(userId, account);
      return account;
    },
  };
}
