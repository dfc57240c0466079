import { type EnvNames, type EnvSource, envNames } from '@loket/core';

const set = (env: EnvSource, name: string): string | undefined => {
  const value = env[`TWITTER_DM_${name}`];
  return value === undefined || value === '' ? undefined : value;
};

/**
 * One account's credentials from the variables `loket dev` reads: OAuth 1.0a (`TWITTER_DM_CONSUMER_KEY`,
 * `TWITTER_DM_CONSUMER_SECRET`, `TWITTER_DM_ACCESS_TOKEN`, `TWITTER_DM_ACCESS_TOKEN_SECRET`), or OAuth 2.0 when
 * `TWITTER_DM_REFRESH_TOKEN` is set (`TWITTER_DM_CLIENT_ID`, `TWITTER_DM_ACCESS_TOKEN`, `TWITTER_DM_CLIENT_SECRET`?).
 * Missing parts stay undefined, so the schema names the one to set.
 */
function credentialsFromEnv(token: string, env: EnvSource): unknown {
  if (set(env, 'REFRESH_TOKEN') !== undefined) {
    return {
      kind: 'oauth2',
      clientId: set(env, 'CLIENT_ID'),
      clientSecret: set(env, 'CLIENT_SECRET'),
      accessToken: token,
      refreshToken: set(env, 'REFRESH_TOKEN'),
    };
  }
  return {
    kind: 'oauth1',
    consumerKey: set(env, 'CONSUMER_KEY'),
    consumerSecret: set(env, 'CONSUMER_SECRET'),
    token,
    tokenSecret: set(env, 'ACCESS_TOKEN_SECRET'),
  };
}

/** The environment variables `twitterDm()` reads for options it is not given. */
export const TWITTER_DM_ENV: EnvNames = {
  ...envNames('TWITTER_DM', ['consumerSecret', 'clientSecret', 'userId', 'apiBaseUrl', 'uploadBaseUrl', 'bearerToken']),
  credentials: {
    name: 'TWITTER_DM_ACCESS_TOKEN',
    parse: credentialsFromEnv,
    hint: 'TWITTER_DM_CONSUMER_KEY, TWITTER_DM_ACCESS_TOKEN and TWITTER_DM_ACCESS_TOKEN_SECRET (OAuth 1.0a)',
  },
};
