import { LoketError, type Logger, loketMessage, type OptionsOwner, parseOptions, safeLogger } from '@loket/core';
import type { Pool } from 'pg';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;
const positive = z.number().positive();
const identifier = /^[a-z_][a-z0-9_]*$/;
/** The longest index name after the prefix is 21 characters; PostgreSQL names end at 63. */
const MAX_PREFIX = 40;

const connectionSchema = z.union(
  [
    z.strictObject({
      connectionString: z.string().refine((s) => URL.canParse(s) && /^postgres(ql)?:$/.test(new URL(s).protocol), {
        message: 'is not a postgres:// or postgresql:// URL',
      }),
      max: z.number().int().positive().optional(),
    }),
    z.strictObject({
      pool: z.custom<Pool>((v) => typeof v === 'object' && v !== null && 'connect' in v && 'query' in v, {
        message: 'must be a pg Pool (new Pool({ ... }))',
      }),
    }),
  ],
  { error: () => 'is missing: pass { connectionString: "postgres://..." } or { pool } (a pg Pool)' },
);

const optionsSchema = z.strictObject({
  schema: z
    .string()
    .regex(identifier, { message: 'must be a lower-case SQL name ([a-z_][a-z0-9_]*)' })
    .max(63)
    .optional(),
  tablePrefix: z
    .string()
    .regex(/^[a-z0-9_]*$/, { message: 'must be lower-case letters, digits and _ only' })
    .max(MAX_PREFIX, { message: `must be at most ${MAX_PREFIX} characters (table and index names fit in 63)` })
    .optional(),
  migrate: z.boolean().optional(),
  eraseVacuum: z.enum(['full', 'plain', 'none']).optional(),
  retention: z
    .strictObject({
      logDays: positive.optional(),
      messageDays: positive.optional(),
      sweepMs: z.number().int().positive().optional(),
    })
    .optional(),
  now: z
    .custom<() => number>((v) => typeof v === 'function', { message: 'must be a function returning ms' })
    .optional(),
  logger: z.custom<Logger>((v) => typeof v === 'object' && v !== null && 'warn' in v && 'error' in v).optional(),
});

/** How `postgresStore` reaches the database: a URL (the store opens and closes its own pool), or your pool. */
export type PostgresConnection =
  | {
      /** `postgres://user:password@host:5432/database` (also `?sslmode=...`, as node-postgres reads it). */
      connectionString: string;
      /** The pool's size (default 10). */
      max?: number;
    }
  | {
      /** A `pg` Pool you created; the store never ends it, and holds one of its clients for LISTEN. */
      pool: Pool;
    };

/** Options of `postgresStore`. */
export interface PostgresStoreOptions {
  /** The schema the tables live in (default `public`); created when missing. */
  schema?: string;
  /** Put in front of every table name (default `loket_`); lets several deployments or tests share a schema. */
  tablePrefix?: string;
  /**
   * Run the pending migrations at start (default true). With false, the store only checks that the database is at
   * the version it needs: apply the SQL of `loket db migrate --print` yourself.
   */
  migrate?: boolean;
  /**
   * What `privacy.erase` runs on the tables it deleted from, once committed. `'full'` (default): VACUUM FULL, which
   * rewrites them, so the erased bytes are in no data page any more (it locks each table while it rewrites it).
   * `'plain'`: VACUUM, without locks, which frees the rows but may leave their bytes in free space until reused.
   * `'none'`: leave it to autovacuum. WAL and backups keep what they kept either way (see the README).
   */
  eraseVacuum?: 'full' | 'plain' | 'none';
  retention?: {
    /** Log entries older than this many days are pruned (default 90); `seq` keeps counting after them. */
    logDays?: number;
    /** Sent-message records and finished outbox jobs older than this many days are pruned (default 30). */
    messageDays?: number;
    /** How often the sweep runs, in ms (default 60000). */
    sweepMs?: number;
  };
  /**
   * A clock for leases, claims, locks, TTLs, rates and retention (ms since the epoch), for tests that move time.
   * Default: the database server's clock, so the gateway processes' clocks never have to agree.
   */
  now?: () => number;
  /** Where connection errors and failed sweeps are reported (secrets redacted). Silent by default. */
  logger?: Logger;
}

/** The options with every default filled in. */
export interface ResolvedPostgresOptions {
  connection: { connectionString: string; max: number } | { pool: Pool };
  schema: string;
  tablePrefix: string;
  migrate: boolean;
  eraseVacuum: 'full' | 'plain' | 'none';
  logRetentionMs: number;
  messageRetentionMs: number;
  sweepEveryMs: number;
  now?: () => number;
  logger: Logger;
}

const usage = 'postgresStore({ connectionString } | { pool }, { schema?, tablePrefix? })';
const owner: OptionsOwner = { channel: 'store-postgres', factory: 'postgresStore', usage };

/** The connection is one of two shapes, not a set of named options, so it keeps its own message. */
function connectionError(key: string, message: string): LoketError {
  return new LoketError('CONFIG', loketMessage('store-postgres', `${key} ${message}: check ${usage}`), {
    channel: 'store-postgres',
    details: { option: key },
  });
}

/** Checks both arguments (a bad one fails with `CONFIG`, naming the option; values are not echoed) and fills defaults. */
export function resolvePostgresOptions(connection: unknown, options: unknown): ResolvedPostgresOptions {
  const c = connectionSchema.safeParse(connection ?? {});
  if (!c.success) {
    const issue = c.error.issues[0];
    throw connectionError(issue?.path.map(String).join('.') || 'connection', issue?.message ?? 'is invalid');
  }
  const o = parseOptions(optionsSchema, options, owner);
  return {
    connection:
      'pool' in c.data ? { pool: c.data.pool } : { connectionString: c.data.connectionString, max: c.data.max ?? 10 },
    schema: o.schema ?? 'public',
    tablePrefix: o.tablePrefix ?? 'loket_',
    migrate: o.migrate ?? true,
    eraseVacuum: o.eraseVacuum ?? 'full',
    logRetentionMs: Math.ceil((o.retention?.logDays ?? 90) * DAY_MS),
    messageRetentionMs: Math.ceil((o.retention?.messageDays ?? 30) * DAY_MS),
    sweepEveryMs: o.retention?.sweepMs ?? 60_000,
    ...(o.now === undefined ? {} : { now: o.now }),
    logger: safeLogger(o.logger),
  };
}
