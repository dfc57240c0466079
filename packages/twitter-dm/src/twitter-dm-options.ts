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
  consumerKey: secretSchema,
  consumerSecret: secretSchema,
  token: secretSchema,
  tokenSecret: secretSchema,
});

const oauth2Schema = z.object({
  kind: z.literal('oauth2'),
  clientId: secretSchema,
  /** Confidential clients authenticate the refresh with it (HTTP Basic); public clients send only `client_id`. */
  clientSecret: secretSchema.optional(),
  accessToken: secretSchema,
  refreshToken: secretSchema,
  expiresAt: z.number().optional(),
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
  /** The app's OAuth 1.0a consumer secret (API Key Secret): the key of `X-Twitter-Webhooks-Signature` and of CRC
   *  answers when no `clientSecret` is configured. */
  consumerSecret: secretSchema,
  /** The app's OAuth 2.0 client secret: the key of `X-Twitter-Webhooks-Signature-OAuth2` and of CRC answers. */
  clientSecret: secretSchema.optional(),
  /** One account's credentials, or a map by X user id for several subscribed accounts. */
  credentials: z.union([xCredentialsSchema, z.record(z.string().regex(/^\d+$/), xCredentialsSchema)]),
  /** The account (X user id) to send from when `to.account` is `*`; also the owner of single credentials. */
  userId: z.string().regex(/^\d+$/).optional(),
  /** The X API host (default https://api.x.com): the emulator or a test server. */
  apiBaseUrl: baseUrlSchema.optional(),
  /** Where media upload lives (default: `apiBaseUrl`). */
  uploadBaseUrl: baseUrlSchema.optional(),
  /** With `clientSecret`, refuse requests that carry only the legacy header (default false: X may send either). */
  requireOAuth2Signature: z.boolean().default(false),
  /** Which secret answers CRC checks: the client secret when configured (X's rule), or always the consumer secret. */
  crcSecret: z.enum(['auto', 'consumer', 'client']).default('auto'),
  /** Longest DM text (10,000 characters [S]); longer texts are split. */
  maxTextLength: z.number().int().positive().default(10_000),
  /**
   * Typing indicators and read receipts go through the v1.1 endpoints (the only ones documented, availability
   * per access tier unconfirmed [U]); `false` turns one off, a string replaces its path.
   */
  typing: z.union([z.boolean(), z.string().startsWith('/')]).default(true),
  readReceipts: z.union([z.boolean(), z.string().startsWith('/')]).default(true),
  /** Quick replies through v1.1 `events/new` (OAuth 1.0a), or `false` for numbered text (default: off [S]). */
  quickReplies: z.boolean().default(false),
  /** X's DM limits (v2 docs [C] and secondary sources [S]); the adapter's pacing keeps under them. */
  limits: z
    .object({
      per15Minutes: count.default(200),
      perDay: count.default(1000),
      appPerDay: count.default(15_000),
      /** Replies within 24 h of a customer's DM that do not count against the limits (v1.1 rule [C]). */
      freeReplies: count.default(5),
    })
    .prefault({}),
  /** The app-only Bearer token, for the Account Activity replay API (webhook management is app-only). */
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
  /** Transport tuning: timeout, retries, dispatcher, the wait between attempts (and between media status polls). */
  transport: z.custom<TwitterDmTransportOptions>((v) => typeof v === 'object' && v !== null).optional(),
  logger: loggerOptionSchema.optional(),
  /** The clock for receipts, pacing and token expiry; tests inject one. */
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
