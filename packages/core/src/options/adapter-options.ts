import { z } from 'zod';
import { LoketError, loketMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { type EnvNames, envVariable, withEnvOptions } from './env-options.js';
import { unknownOption } from './unknown-options.js';

/** A required secret or token: a string that is not blank. */
export const secretSchema = z.string().refine((s) => s.trim().length > 0);

/** An http(s) base URL option (`apiBaseUrl`): the emulator or a test server. */
export const baseUrlSchema = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol));

/** A logger option: anything with debug, info, warn and error (pino fits). */
export const loggerOptionSchema = z.custom<Logger>(
  (v) => typeof v === 'object' && v !== null && ['debug', 'info', 'warn', 'error'].every((m) => m in v),
);

/** A function-valued option. */
export const functionOption = <T>() => z.custom<T>((v) => typeof v === 'function');

/** Who is being configured: the channel (message prefix), the factory the user called and how it is called. */
export interface OptionsOwner {
  channel: string;
  factory: string;
  /** Shown when the options are not an object: `twitterDm({ consumerSecret, credentials })`. */
  usage: string;
  /** The environment variables that fill options the caller left out (explicit options win); named when missing. */
  env?: EnvNames;
  /**
   * What to do about an option, said instead of `pass it to factory({...})` when that option is missing or invalid:
   * `{ graphVersion: 'use the form v25.0 in whatsapp({...})' }`. Never put the value in it.
   */
  hints?: Record<string, string>;
}

/**
 * Checks the options of an adapter or store with a zod schema and turns the first problem into a LoketError `CONFIG` that names the
 * option and the factory (`[loket] [twitter-dm] consumerSecret is missing: pass it to twitterDm({...})`). Values
 * are never echoed (they may be secrets), except base URLs.
 *
 * @example
 * const options = parseOptions(schema, input, { channel: 'twitter-dm', factory: 'twitterDm', usage: 'twitterDm({ consumerSecret, credentials })' });
 */
export function parseOptions<T extends z.ZodType>(schema: T, given: unknown, owner: OptionsOwner): z.output<T> {
  const input = owner.env ? withEnvOptions(given, owner.env) : given;
  const unknown = unknownOption(schema, input);
  if (unknown) throw unknownOptionError(unknown, owner);
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path.map(String).join('.') || 'options';
  const value = key.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), input);
  throw new LoketError('CONFIG', loketMessage(owner.channel, explain(key, value, owner, issue?.message)), {
    channel: owner.channel,
    details: { option: key },
  });
}

/**
 * The earlier name of {@link parseOptions}, kept for adapters written against it.
 *
 * @example
 * const options = parseAdapterOptions(schema, input, { channel: 'twitter-dm', factory: 'twitterDm', usage: 'twitterDm({ consumerSecret, credentials })' });
 */
export const parseAdapterOptions = parseOptions;

/**
 * `accesToken is not an option of whatsapp({...}) (did you mean accessToken?)`: a typo is reported as itself,
 * not as the option it left missing.
 */
export function unknownOptionError(
  unknown: { key: string; hint: string },
  owner: Omit<OptionsOwner, 'usage'>,
): LoketError {
  return new LoketError(
    'CONFIG',
    loketMessage(owner.channel, `${unknown.key} is not an option of ${owner.factory}({...})${unknown.hint}`),
    { channel: owner.channel, details: { option: unknown.key } },
  );
}

/** `pass it to whatsapp({...}) or set WHATSAPP_APP_SECRET`: where a missing option can come from. */
export function passHint(key: string, owner: Pick<OptionsOwner, 'factory' | 'env'>): string {
  const variable = owner.env?.[key];
  return `pass it to ${owner.factory}({...})${variable === undefined ? '' : ` or set ${envVariable(variable)}`}`;
}

function explain(key: string, value: unknown, owner: OptionsOwner, reason = 'invalid'): string {
  const pass = owner.hints?.[key] ?? passHint(key, owner);
  if (key === 'options') return `options must be an object: call ${owner.usage}`;
  if (value === undefined) return `${key} is missing: ${pass}`;
  if (/BaseUrl$/.test(key) && typeof value === 'string')
    return `${key} "${value}" is not an http(s) URL: use e.g. http://127.0.0.1:4010`;
  if (key === 'logger') return `logger must have debug, info, warn and error methods (pino fits): ${pass}`;
  if (typeof value === 'string' && value.trim() === '') return `${key} is empty: ${pass}`;
  // zod's own reasons never quote the value, so they are safe next to secrets.
  if (typeof value === 'string') return `${key} is invalid (${reason}): ${pass}`;
  return `${key} is invalid (${reason}; got ${Array.isArray(value) ? 'an array' : typeof value}): ${pass}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
