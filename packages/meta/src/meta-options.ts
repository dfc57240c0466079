import {
  type EnvNames,
  envNames,
  LoketError,
  type Logger,
  loketMessage,
  passHint,
  unknownOption,
  unknownOptionError,
  withEnvOptions,
} from '@loket/core';
import { z } from 'zod';
import { GRAPH_VERSION_PATTERN } from './graph-url.js';

/** A required secret or token: a non-empty string. */
export const metaSecretSchema = z.string().refine((s) => s.trim().length > 0);

const loggerSchema = z.custom<Logger>(
  (v) => typeof v === 'object' && v !== null && ['debug', 'info', 'warn', 'error'].every((m) => m in v),
);

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
  graphVersion: z.string().regex(GRAPH_VERSION_PATTERN).optional(),
  /** A pino-compatible logger (`debug`, `info`, `warn`, `error`); secrets are redacted before it sees them. Default: silent. */
  logger: loggerSchema.optional(),
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
 * Checks adapter options with a zod schema and turns the first problem into a LoketError `CONFIG` that names the
 * option and the factory (`[loket] [whatsapp] accessToken is missing: pass it to whatsapp({...})`). Values are
 * never echoed, except the Graph version and base URL.
 *
 * @example
 * const options = parseMetaOptions(z.object({ ...metaOptionsShape, pageId: z.string().optional() }), input,
 *   { channel: 'messenger', factory: 'messenger' });
 */
export function parseMetaOptions<T extends z.ZodType>(schema: T, given: unknown, name: FactoryName): z.output<T> {
  const input = name.env ? withEnvOptions(given, name.env) : given;
  const unknown = unknownOption(schema, input);
  if (unknown) throw unknownOptionError(unknown, name);
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path.map(String).join('.') || 'options';
  const value = key.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), input);
  throw new LoketError('CONFIG', loketMessage(name.channel, explain(key, value, name, issue?.message)), {
    channel: name.channel,
    details: { option: key },
  });
}

function explain(key: string, value: unknown, name: FactoryName, reason = 'invalid'): string {
  const pass = passHint(key, name);
  if (key === 'options')
    return `options must be an object: call ${name.factory}({ appSecret, verifyToken, accessToken })`;
  if (value === undefined) return `${key} is missing: ${pass}`;
  if (key === 'graphVersion') return `graphVersion "${String(value)}" is not a Graph API version: use the form v25.0`;
  if (key === 'apiBaseUrl')
    return `apiBaseUrl "${String(value)}" is not an http(s) URL: use e.g. http://127.0.0.1:4010`;
  if (key === 'logger') return `logger must have debug, info, warn and error methods (pino fits): ${pass}`;
  if (typeof value === 'string' && value.trim() === '') return `${key} is empty: ${pass}`;
  // zod's own reasons never quote the value, so they are safe next to secrets.
  if (typeof value === 'string') return `${key} is invalid (${reason}): ${pass}`;
  return `${key} is invalid (got ${Array.isArray(value) ? 'an array' : typeof value}): ${pass}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
