import { LoketError, loketMessage } from '@loket/core';
import type { KnownChannel } from '../channels/known-channels.js';
import { type ChannelSetting, type CliEnv, DEV_SECRETS } from './channel-settings.js';
import type { LoketConfig } from './config-schema.js';

const OAUTH1 = ['CONSUMER_KEY', 'ACCESS_TOKEN', 'ACCESS_TOKEN_SECRET'] as const;
const OAUTH2 = ['CLIENT_ID', 'ACCESS_TOKEN', 'REFRESH_TOKEN'] as const;

/**
 * The twitter-dm channel for `loket dev`: the real X API when `TWITTER_DM_CONSUMER_SECRET` and one set of user
 * credentials are set (OAuth 1.0a: `TWITTER_DM_CONSUMER_KEY`, `TWITTER_DM_ACCESS_TOKEN`,
 * `TWITTER_DM_ACCESS_TOKEN_SECRET`; or OAuth 2.0: `TWITTER_DM_CLIENT_ID`, `TWITTER_DM_ACCESS_TOKEN`,
 * `TWITTER_DM_REFRESH_TOKEN`, with `TWITTER_DM_CLIENT_SECRET` optional), the emulator when none is;
 * `channels["twitter-dm"]` in `loket.config.json` gives the factory options directly.
 */
export function twitterDmSetting(known: KnownChannel, config: LoketConfig, env: CliEnv): ChannelSetting {
  const fromFile = config.channels?.[known.channel];
  if (fromFile && Object.keys(fromFile).length > 0) return { known, mode: 'real', options: fromFile };
  const v = (name: string) => {
    const value = env[`TWITTER_DM_${name}`];
    return value === undefined || value === '' ? undefined : value;
  };
  const userId = v('USER_ID') ?? known.devAccount;
  const consumerSecret = v('CONSUMER_SECRET');
  const clientSecret = v('CLIENT_SECRET');
  const all = (names: readonly string[]) => names.every((n) => v(n) !== undefined);
  if (consumerSecret && all(OAUTH1) && !v('REFRESH_TOKEN')) {
    const credentials = {
      kind: 'oauth1',
      consumerKey: v('CONSUMER_KEY'),
      consumerSecret,
      token: v('ACCESS_TOKEN'),
      tokenSecret: v('ACCESS_TOKEN_SECRET'),
    };
    return { known, mode: 'real', options: { consumerSecret, clientSecret, credentials, userId } };
  }
  if (consumerSecret && all(OAUTH2)) {
    const credentials = {
      kind: 'oauth2',
      clientId: v('CLIENT_ID'),
      clientSecret,
      accessToken: v('ACCESS_TOKEN'),
      refreshToken: v('REFRESH_TOKEN'),
    };
    return { known, mode: 'real', options: { consumerSecret, clientSecret, credentials, userId } };
  }
  const set = ['CONSUMER_SECRET', 'CLIENT_SECRET', ...OAUTH1, ...OAUTH2].filter((n) => v(n) !== undefined);
  if (set.length > 0) {
    throw new LoketError(
      'CONFIG',
      loketMessage(
        'cli',
        `twitter-dm is half configured (${set.map((n) => `TWITTER_DM_${n}`).join(', ')} set): set TWITTER_DM_CONSUMER_SECRET and either TWITTER_DM_CONSUMER_KEY, TWITTER_DM_ACCESS_TOKEN, TWITTER_DM_ACCESS_TOKEN_SECRET (OAuth 1.0a) or TWITTER_DM_CLIENT_ID, TWITTER_DM_ACCESS_TOKEN, TWITTER_DM_REFRESH_TOKEN (OAuth 2.0), or none of them to use the emulator`,
      ),
      { channel: known.channel },
    );
  }
  // The emulator signs X webhooks with the dev secret; a token that starts with the user id names the sender.
  const credentials = {
    kind: 'oauth1',
    consumerKey: 'loket-dev-consumer-key',
    consumerSecret: DEV_SECRETS.appSecret,
    token: `${userId}-loket-dev-token`,
    tokenSecret: 'loket-dev-token-secret',
  };
  return { known, mode: 'emulated', options: { consumerSecret: DEV_SECRETS.appSecret, credentials, userId } };
}
