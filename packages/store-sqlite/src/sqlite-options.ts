import { type Logger, type OptionsOwner, parseOptions, safeLogger } from '@loket/core';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

const positive = z.number().positive();

const optionsSchema = z.strictObject({
  path: z.string().min(1),
  retention: z
    .strictObject({
      logDays: positive.optional(),
      messageDays: positive.optional(),
      claimsSweepMs: z.number().int().positive().optional(),
    })
    .optional(),
  busyTimeoutMs: z.number().int().nonnegative().optional(),
  synchronous: z.enum(['normal', 'full']).optional(),
  now: z
    .custom<() => number>((v) => typeof v === 'function', { message: 'must be a function returning ms' })
    .optional(),
  logger: z.custom<Logger>((v) => typeof v === 'object' && v !== null && 'warn' in v && 'error' in v).optional(),
});

const owner: OptionsOwner = {
  channel: 'store-sqlite',
  factory: 'sqliteStore',
  usage: 'sqliteStore({ path, retention?, now? })',
  hints: { path: 'pass a file path (or ":memory:" for tests) to sqliteStore({...})' },
};

/** Options of `sqliteStore`. */
export interface SqliteStoreOptions {
  /** The database file; created with its folder's permissions when missing. `':memory:'` works for tests. */
  path: string;
  retention?: {
    /** Log entries older than this many days are pruned (default 90). */
    logDays?: number;
    /** Sent-message records older than this many days are pruned (default 30). */
    messageDays?: number;
    /** How often expired claims, locks and old rows are swept, in ms (default 60000). */
    claimsSweepMs?: number;
  };
  /** How long a write waits for another process's write lock before failing, in ms (default 5000). */
  busyTimeoutMs?: number;
  /**
   * `'normal'` (default) survives a crash of the process (kill -9); `'full'` also survives a power loss, at the
   * cost of one fsync per write.
   */
  synchronous?: 'normal' | 'full';
  /** The clock for leases, claims, locks and retention (ms since the epoch). Tests inject a fake one. */
  now?: () => number;
  /** Where a failed background sweep is reported (secrets redacted). Silent by default. */
  logger?: Logger;
}

/** The options with every default filled in. */
export interface ResolvedSqliteOptions {
  path: string;
  logRetentionMs: number;
  messageRetentionMs: number;
  sweepEveryMs: number;
  busyTimeoutMs: number;
  synchronous: 'normal' | 'full';
  now: () => number;
  logger: Logger;
}

/** Checks the options (a bad one fails with `CONFIG`, naming the option; values are not echoed) and fills in the defaults. */
export function resolveSqliteOptions(input: unknown): ResolvedSqliteOptions {
  const o = parseOptions(optionsSchema, input, owner);
  return {
    path: o.path,
    logRetentionMs: (o.retention?.logDays ?? 90) * DAY_MS,
    messageRetentionMs: (o.retention?.messageDays ?? 30) * DAY_MS,
    sweepEveryMs: o.retention?.claimsSweepMs ?? 60_000,
    busyTimeoutMs: o.busyTimeoutMs ?? 5000,
    synchronous: o.synchronous ?? 'normal',
    now: o.now ?? Date.now,
    logger: safeLogger(o.logger),
  };
}
