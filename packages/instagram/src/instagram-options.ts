import { messagingOptionsShape, metaEnvNames, parseMetaOptions } from '@loket/meta';
import type { EnvOptional } from '@loket/core';
import { z } from 'zod';

/** Where the API lives for each login flavour (PLATFORM_RULES 3). */
export const INSTAGRAM_HOSTS = {
  instagram: 'https://graph.instagram.com',
  facebook: 'https://graph.facebook.com',
} as const;

/** Options of `instagram({...})`, checked with zod at construction (a missing secret fails with `CONFIG`). */
export const instagramOptionsSchema = z.object({
  ...messagingOptionsShape,
  /**
   * The account to send from (the IG professional account id, or the Page id with Facebook Login) when a message's
   * `to.account` is empty or `*`. Default: none. `loket dev`: `INSTAGRAM_ACCOUNT_ID`.
   */
  accountId: z.string().regex(/^\d+$/).optional(),
  /**
   * `instagram` (Instagram Login: graph.instagram.com, an Instagram user token) or `facebook` (Facebook Login:
   * graph.facebook.com, the linked Page's token). Picks the default host; `apiBaseUrl` wins over it.
   * Default `'instagram'`.
   */
  login: z.enum(['instagram', 'facebook']).default('instagram'),
  /**
   * Whether cards go out as the generic template (`false`: as numbered text). Reported supported but unconfirmed
   * ([U]). Default `true`.
   */
  genericTemplate: z.boolean().default(true),
});

/** Options of `instagram({...})`. */
export type InstagramOptions = EnvOptional<
  z.input<typeof instagramOptionsSchema>,
  'appSecret' | 'verifyToken' | 'accessToken'
>;

/** The environment variables `instagram()` reads for options it is not given (the names `loket dev` uses). */
export const INSTAGRAM_ENV = metaEnvNames('INSTAGRAM', 'accountId');
/** Checked options with defaults applied. */
export type ResolvedInstagramOptions = z.output<typeof instagramOptionsSchema>;

/** Checks `instagram({...})` options; throws `CONFIG` naming the option. */
export function parseInstagramOptions(input: unknown): ResolvedInstagramOptions {
  return parseMetaOptions(instagramOptionsSchema, input, {
    channel: 'instagram',
    factory: 'instagram',
    env: INSTAGRAM_ENV,
  });
}
