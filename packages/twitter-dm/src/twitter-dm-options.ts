import {
  baseUrlSchema,
  type EnvOptional,
  functionOption,
  loggerOptionSchema,
  parseAdapterOptions,
  secretSchema,
  type TransportOptions,
} from '@loket/core';
import { z } from 'zod';
import { TWITTER_DM_ENV } from './twitter-dm-env.js';

/** New OAuth 2.0 tokens, handed to `onTokens` so the app can persist them (the old refresh token is now dead). */
export interface XTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt?: number;
}

const oauth1Schema = z.object({
  kind: z.literal('oauth1'),
  /** The app's API Key. `loket dev`: `TWITTER_DM_CONSUMER_KEY`. */
  consumerKey: secretSchema,
  /** The app's API Key Secret. `loket dev`: `TWITTER_DM_CONSUMER_SECRET`. */
  consumerSecret: secretSchema,
  /** The account's Access Token. `loket dev`: `TWITTER_DM_ACCESS_TOKEN`. */
  token: secretSchema,
  /** The account's Access Token Secret. `loket dev`: `TWITTER_DM_ACCESS_TOKEN_SECRET`. */
  tokenSecret: secretSchema,
});

const oauth2Schema = z.object({
  kind: z.literal('oauth2'),
  /** The app's OAuth 2.0 Client ID. `loket dev`: `TWITTER_DM_CLIENT_ID`. */
  clientId: secretSchema,
  /**
   * Confidential clients authenticate the refresh with it (HTTP Basic); public clients send only `client_id`.
   * Default: none (a public client). `loket dev`: `TWITTER_DM_CLIENT_SECRET`.
   */
  clientSecret: secretSchema.optional(),
  /** The user's access token. `loket dev`: `TWITTER_DM_ACCESS_TOKEN`. */
  accessToken: secretSchema,
  /** The user's refresh token (scope `offline.access`). `loket dev`: `TWITTER_DM_REFRESH_TOKEN`. */
  refreshToken: secretSchema,
  /**
   * When the access token expires (ms since the epoch); it is refreshed just before. Default: unknown (refreshed
   * when X answers 401).
   */
  expiresAt: z.number().optional(),
  /** Called with new tokens after each refresh, to persist them (the old refresh token no longer works). */
  onTokens: functionOption<(tokens: XTokens) => void | Promise<void>>().optional(),
});

/** One account's credentials: OAuth 1.0a user context, or OAuth 2.0 user tokens (refreshed on expiry). */
export const xCredentialsSchema = z.discriminatedUnion('kind', [oauth1Schema, oauth2Schema]);
/** One account's credentials. */
export type XCredentials = z.input<typeof xCredentialsSchema>;
/** OAuth 1.0a user-context credentials. */
export type XOAuth1Credentials = z.output<typeof oauth1Schema>;
/** OAuth 2.0 user tokens. */
export type XOAuth2Credentials = z.output<typeof oauth2Schema>;

/** What `twitterDm({ transport })` may tune in core's transport. */
export type TwitterDmTransportOptions = Partial<Pick<TransportOptions, 'timeoutMs' | 'retry' | 'dispatcher' | 'sleep'>>;

const count = z.number().int().nonnegative();

/** Options of `twitterDm({...})`, checked with zod at construction (a missing secret fails with `CONFIG`). */
export const twitterDmOptionsSchema = z.object({
  /**
   * The app's OAuth 1.0a consumer secret (API Key Secret): the key of `X-Twitter-Webhooks-Signature` and of CRC
   * answers when no `clientSecret` is configured. Required. The adapter reads no environment variables; `loket dev`
   * takes it from `TWITTER_DM_CONSUMER_SECRET`.
   */
  consumerSecret: secretSchema,
  /**
   * The app's OAuth 2.0 client secret: the key of `X-Twitter-Webhooks-Signature-OAuth2` and of CRC answers.
   * Default: none (only the legacy header is checked). `loket dev`: `TWITTER_DM_CLIENT_SECRET`.
   */
  clientSecret: secretSchema.optional(),
  /** One account's credentials, or a map by X user id for several subscribed accounts. Required. */
  credentials: z.union([xCredentialsSchema, z.record(z.string().regex(/^\d+$/), xCredentialsSchema)]),
  /**
   * The account (X user id) to send from when `to.account` is `*`; also the owner of single credentials. Default:
   * none. `loket dev`: `TWITTER_DM_USER_ID`.
   */
  userId: z.string().regex(/^\d+$/).optional(),
  /** The X API host: the emulator or a test server. Default `https://api.x.com`. */
  apiBaseUrl: baseUrlSchema.optional(),
  /** Where media upload (`/2/media/upload`) lives. Default: `apiBaseUrl`. */
  uploadBaseUrl: baseUrlSchema.optional(),
  /** With `clientSecret`, refuse requests that carry only the legacy header. Default `false` (X may send either). */
  requireOAuth2Signature: z.boolean().default(false),
  /**
   * Which secret answers CRC checks: `auto` (the client secret when configured, X's rule), `consumer` or `client`.
   * Default `'auto'`.
   */
  crcSecret: z.enum(['auto', 'consumer', 'client']).default('auto'),
  /** Longest DM text in characters; longer texts are split. Default `10000` ([S]). */
  maxTextLength: z.number().int().positive().default(10_000),
  /**
   * Typing indicators and read receipts go through the v1.1 endpoints (the only ones documented, availability
   * per access tier unconfirmed [U]); `false` turns them off, a string replaces the path. Default `true`.
   */
  typing: z.union([z.boolean(), z.string().startsWith('/')]).default(true),
  /** Read receipts, like `typing`: `false` turns them off, a string replaces the v1.1 path. Default `true`. */
  readReceipts: z.union([z.boolean(), z.string().startsWith('/')]).default(true),
  /** Quick replies through v1.1 `events/new` (OAuth 1.0a); `false` sends numbered text instead. Default `false` ([S]). */
  quickReplies: z.boolean().default(false),
  /** X's DM limits (v2 docs [C] and secondary sources [S]); the adapter's pacing keeps under them. */
  limits: z
    .object({
      /** DMs per account per 15 minutes. Default `200`. */
      per15Minutes: count.default(200),
      /** DMs per account per 24 hours. Default `1000`. */
      perDay: count.default(1000),
      /** DMs per app per 24 hours, all accounts together. Default `15000`. */
      appPerDay: count.default(15_000),
      /** Replies within 24 h of a customer's DM that do not count against the limits (v1.1 rule [C]). Default `5`. */
      freeReplies: count.default(5),
    })
    .prefault({}),
  /**
   * The app-only Bearer token, for the Account Activity replay API (webhook management is app-only). Default: none
   * (replay is unavailable).
   */
  bearerToken: secretSchema.optional(),
  /** Bytes per media upload segment (default 1 MiB; X takes up to 5 MB per APPEND). */
  mediaChunkBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Largest media download accepted (bytes, default 512 MiB: X's video limit). */
  maxDownloadBytes: z
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  /**
   * Transport tuning: `timeoutMs` per attempt, `retry`, an undici `dispatcher`, and `sleep` (the wait between
   * attempts and between media status polls). Default: core's transport defaults and the global dispatcher.
   */
  transport: z.custom<TwitterDmTransportOptions>((v) => typeof v === 'object' && v !== null).optional(),
  /** A pino-compatible logger; secrets and tokens are redacted before it sees them. Default: silent. */
  logger: loggerOptionSchema.optional(),
  /** The clock for receipts, pacing and token expiry (ms since the epoch); tests inject one. Default `Date.now`. */
  now: functionOption<() => number>().optional(),
});

/** Options of `twitterDm({...})`. */
export type TwitterDmOptions = EnvOptional<z.input<typeof twitterDmOptionsSchema>, 'consumerSecret' | 'credentials'>;
/** Checked options with defaults applied. */
export type ResolvedTwitterDmOptions = z.output<typeof twitterDmOptionsSchema>;

/** Checks `twitterDm({...})` options, reading the ones left out from `TWITTER_DM_*`; throws `CONFIG` naming the option. */
export function parseTwitterDmOptions(input: unknown): ResolvedTwitterDmOptions {
  return parseAdapterOptions(twitterDmOptionsSchema, input, {
    channel: 'twitter-dm',
    factory: 'twitterDm',
    usage: 'twitterDm({ consumerSecret, credentials })',
    env: TWITTER_DM_ENV,
  });
}
