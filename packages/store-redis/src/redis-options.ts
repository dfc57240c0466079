import { type Logger, type OptionsOwner, parseOptions, safeLogger } from '@loket/core';
import { z } from 'zod';
import type { RedisScriptClient } from './redis-script.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const positive = z.number().positive();

const optionsSchema = z
  .strictObject({
    url: z
      .string()
      .refine((s) => URL.canParse(s) && /^rediss?:$/.test(new URL(s).protocol), {
        message: 'not a redis:// or rediss:// URL',
      })
      .optional(),
    keyPrefix: z
      .string()
      .regex(/^[^{}*?[\]\\]*$/, { message: 'must not contain { } * ? [ ] or \\ (hash tags and SCAN patterns)' })
      .optional(),
    client: z
      .custom<RedisScriptClient>((v) => typeof v === 'object' && v !== null && 'evalSha' in v && 'eval' in v, {
        message: 'must be a node-redis client (createClient() or createCluster())',
      })
      .optional(),
    connectTimeoutMs: z.number().int().positive().optional(),
    retention: z
      .strictObject({
        logDays: positive.optional(),
        messageDays: positive.optional(),
        outboxSweepMs: z.number().int().positive().optional(),
      })
      .optional(),
    logger: z.custom<Logger>((v) => typeof v === 'object' && v !== null && 'warn' in v && 'error' in v).optional(),
  })
  .refine((o) => o.url !== undefined || o.client !== undefined, {
    message: 'missing',
    path: ['url'],
  });

const owner: OptionsOwner = {
  channel: 'store-redis',
  factory: 'redisStore',
  usage: 'redisStore({ url, keyPrefix?, client? })',
  hints: { url: 'pass url (redis://host:6379) or a connected node-redis client to redisStore({...})' },
};

/** Options of `redisStore`. */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). The store opens and closes its own client. */
  url?: string;
  /** Put in front of every key (default `loket:`); lets several deployments or tests share one server. */
  keyPrefix?: string;
  /** A node-redis v5 client you already connected (`createClient`, `createCluster`); the store never closes it. */
  client?: RedisScriptClient;
  /**
   * How long a call waits for the first connection, and `close()` for pending replies, in ms (default 5000). While
   * Redis is down, calls do not wait: they fail at once with `NETWORK`.
   */
  connectTimeoutMs?: number;
  retention?: {
    /** A conversation's log expires this many days after its last entry (default 90). */
    logDays?: number;
    /** A sent-message record expires this many days after its last write (default 30); finished outbox jobs older than this are swept. */
    messageDays?: number;
    /** How often finished outbox jobs are swept, in ms (default 60000). */
    outboxSweepMs?: number;
  };
  /** Where connection errors are reported (secrets redacted). Silent by default. */
  logger?: Logger;
}

/** The options with every default filled in. */
export interface ResolvedRedisOptions {
  url?: string;
  client?: RedisScriptClient;
  keyPrefix: string;
  connectTimeoutMs: number;
  logKeepMs: number;
  messageKeepMs: number;
  sweepEveryMs: number;
  logger: Logger;
}

/** Checks the options (a bad one fails with `CONFIG`, naming the option; values are not echoed) and fills defaults. */
export function resolveRedisOptions(input: unknown): ResolvedRedisOptions {
  const o = parseOptions(optionsSchema, input, owner);
  return {
    ...(o.url === undefined ? {} : { url: o.url }),
    ...(o.client === undefined ? {} : { client: o.client }),
    keyPrefix: o.keyPrefix ?? 'loket:',
    connectTimeoutMs: o.connectTimeoutMs ?? 5000,
    logKeepMs: Math.ceil((o.retention?.logDays ?? 90) * DAY_MS),
    messageKeepMs: Math.ceil((o.retention?.messageDays ?? 30) * DAY_MS),
    sweepEveryMs: o.retention?.outboxSweepMs ?? 60_000,
    logger: safeLogger(o.logger),
  };
}
