import { type EnvNames, envNames, loggerOptionSchema, parseOptions } from '@loket/core';
import { z } from 'zod';
import { GRAPH_VERSION_PATTERN } from './graph-url.js';

/** A required secret or token: a non-empty string. */
export const metaSecretSchema = z.string().refine((s) => s.trim().length > 0);

/** The option fields WhatsApp, Messenger and Instagram share; spread into each adapter's own schema. */
export const metaOptionsShape = {
  /**
   * The Meta app secret (App Dashboard → App settings → Basic): the key of `X-Hub-Signature-256`. Required.
   * The adapter reads no environment variables; `loket dev` takes it from `<CHANNEL>_APP_SECRET`
   * (`WHATSAPP_APP_SECRET`, `MESSENGER_APP_SECRET`, `INSTAGRAM_APP_SECRET`).
   */
  appSecret: metaSecretSchema,
  /**
   * The token you typed into the App Dashboard's webhook settings; Meta echoes it in the `hub.challenge`
   * handshake. Required. `loket dev`: `<CHANNEL>_VERIFY_TOKEN`.
   */
  verifyToken: metaSecretSchema,
  /**
   * Bearer token for the Graph API: a system-user token for WhatsApp, a Page token for Messenger, an Instagram user
   * (or Page) token for Instagram. Required. `loket dev`: `<CHANNEL>_ACCESS_TOKEN`.
   */
  accessToken: metaSecretSchema,
  /**
   * Another Graph host (http or https): the emulator or a test server. Default `https://graph.facebook.com`
   * (Instagram Login: `https://graph.instagram.com`). `loket dev`: `<CHANNEL>_API_BASE_URL`.
   */
  apiBaseUrl: z
    .string()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol))
    .optional(),
  /** Graph API version in the path, of the form `v25.0`. Default `v25.0`. `loket dev`: `<CHANNEL>_GRAPH_VERSION`. */
  graphVersion: z.string().regex(GRAPH_VERSION_PATTERN, { message: 'not a Graph API version' }).optional(),
  /** A pino-compatible logger (`debug`, `info`, `warn`, `error`); secrets are redacted before it sees them. Default: silent. */
  logger: loggerOptionSchema.optional(),
};

/** The shared Meta options as one schema. */
export const metaOptionsSchema = z.object(metaOptionsShape);
/** The shared Meta options. */
export type MetaOptions = z.infer<typeof metaOptionsSchema>;

/** Who is being configured: the channel (message prefix) and the factory the user called. */
export interface FactoryName {
  channel: string;
  factory: string;
  /** The environment variables the factory reads (see {@link metaEnvNames}), named when an option is missing. */
  env?: EnvNames;
}

/**
 * The variables a Meta adapter reads when an option is not passed, the same names `loket dev` uses:
 * `<PREFIX>_APP_SECRET`, `_VERIFY_TOKEN`, `_ACCESS_TOKEN`, the account option (`WHATSAPP_PHONE_NUMBER_ID`),
 * `_API_BASE_URL` and `_GRAPH_VERSION`.
 */
export function metaEnvNames(prefix: string, accountOption: string): Record<string, string> {
  return envNames(prefix, ['appSecret', 'verifyToken', 'accessToken', accountOption, 'apiBaseUrl', 'graphVersion']);
}

/**
 * Checks Meta adapter options with core's {@link parseOptions}: the first problem becomes a LoketError `CONFIG` that
 * names the option and the factory (`[loket] [whatsapp] accessToken is missing: pass it to whatsapp({...})`).
 * Values are never echoed, except the base URL.
 *
 * @example
 * const options = parseMetaOptions(z.object({ ...metaOptionsShape, pageId: z.string().optional() }), input,
 *   { channel: 'messenger', factory: 'messenger' });
 */
export function parseMetaOptions<T extends z.ZodType>(schema: T, given: unknown, name: FactoryName): z.output<T> {
  return parseOptions(schema, given, {
    ...name,
    usage: `${name.factory}({ appSecret, verifyToken, accessToken })`,
    hints: { graphVersion: `use the form v25.0 in ${name.factory}({...})` },
  });
}
