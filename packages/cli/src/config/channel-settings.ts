import { closestName, envVariableName, LoketError, loketMessage } from '@loket/core';
import type { KnownChannel } from '../channels/known-channels.js';
import type { ChannelConfig, LoketConfig } from './config-schema.js';
import { twitterDmSetting } from './twitter-dm-settings.js';

/** The secrets `loket dev` gives emulated channels (and `simulate` / `replay` sign with by default). */
export const DEV_SECRETS = {
  appSecret: 'loket-dev-app-secret',
  verifyToken: 'loket-dev-verify-token',
  accessToken: 'loket-dev-access-token',
} as const;

const REQUIRED = ['appSecret', 'verifyToken', 'accessToken'] as const;

/** One channel as `loket dev` will run it: against the emulator, or the real platform with your credentials. */
export interface ChannelSetting {
  known: KnownChannel;
  mode: 'emulated' | 'real';
  /** Options for the adapter factory (without `apiBaseUrl` for an emulated channel; the dev server adds it). */
  options: Record<string, unknown>;
}

/** `phoneNumberId` → `WHATSAPP_PHONE_NUMBER_ID`: the names the adapter factories read too. */
export const envName = (known: KnownChannel, option: string): string => envVariableName(known.envPrefix, option);

/** The channel's settings from `loket.config.*` with the environment on top (`WHATSAPP_APP_SECRET`, ...). */
export function channelConfig(known: KnownChannel, config: LoketConfig, env: CliEnv): ChannelConfig {
  const merged: ChannelConfig = { ...(config.channels?.[known.channel] ?? {}) };
  for (const option of [...REQUIRED, known.accountOption, 'apiBaseUrl', 'graphVersion']) {
    const value = env[envName(known, option)];
    if (value !== undefined && value !== '') merged[option] = value;
  }
  return merged;
}

/** The environment the CLI reads. */
export type CliEnv = Readonly<Record<string, string | undefined>>;

/**
 * Real when the three credentials are there, emulated when none is; a partial set is a mistake worth stopping for
 * (a typo in one variable name would otherwise silently fall back to the emulator).
 */
export function channelSetting(known: KnownChannel, config: LoketConfig, env: CliEnv): ChannelSetting {
  if (known.signature === 'x') return twitterDmSetting(known, config, env);
  const merged = channelConfig(known, config, env);
  const present = REQUIRED.filter((k) => typeof merged[k] === 'string' && merged[k] !== '');
  if (present.length === REQUIRED.length) return { known, mode: 'real', options: merged };
  if (present.length > 0) {
    const absent = REQUIRED.filter((k) => !present.includes(k));
    const missing = absent.map((k) => envName(known, k));
    throw new LoketError(
      'CONFIG',
      loketMessage(
        'cli',
        `${typos(known, config, absent)}${known.channel} is half configured: ${missing.join(' and ')} missing. Set all of ${REQUIRED.map((k) => envName(known, k)).join(', ')} (or channels.${known.channel} in loket.config.json) to use the real platform, or none of them to use the emulator`,
      ),
      { channel: known.channel },
    );
  }
  const account = merged[known.accountOption] ?? known.devAccount;
  return { known, mode: 'emulated', options: { ...merged, ...DEV_SECRETS, [known.accountOption]: account } };
}

/** `unknown option accesToken in channels.whatsapp (did you mean accessToken?); `: a typo that left a credential out. */
function typos(known: KnownChannel, config: LoketConfig, absent: readonly string[]): string {
  const given = Object.keys(config.channels?.[known.channel] ?? {});
  const found = given.flatMap((key) => {
    const meant = absent.includes(key) ? undefined : closestName(key, absent);
    return meant ? [`unknown option ${key} in channels.${known.channel} (did you mean ${meant}?); `] : [];
  });
  return found.join('');
}

/** The app secret to sign with: the flag, else the channel's configured secret, else the dev server's. */
export function signingSecret(known: KnownChannel, config: LoketConfig, env: CliEnv, flag?: string): string {
  if (flag) return flag;
  const merged = channelConfig(known, config, env);
  // X signs with the consumer secret (TWITTER_DM_CONSUMER_SECRET), Meta with the app secret.
  const configured =
    known.signature === 'x' ? (env.TWITTER_DM_CONSUMER_SECRET ?? merged.consumerSecret) : merged.appSecret;
  return typeof configured === 'string' && configured !== '' ? configured : DEV_SECRETS.appSecret;
}
