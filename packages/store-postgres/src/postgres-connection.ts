import { LoketError, type Logger, loketMessage } from '@loket/core';
import pg from 'pg';
import type { ResolvedPostgresOptions } from './postgres-options.js';

/** The pool the store queries through, a printable name for it, and how to end what the store opened. */
export interface PostgresConnection {
  pool: pg.Pool;
  /** `postgres://user:***@host:port/database`: for messages and logs, never with the password. */
  description: string;
  close(): Promise<void>;
}

/** The connection string with its password (and any `password=` parameter) replaced by `***`. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return 'postgres://(unparsable connection string)';
  }
}

function describePool(pool: pg.Pool): string {
  const o = (pool as unknown as { options?: pg.PoolConfig }).options ?? {};
  if (o.connectionString) return redactConnectionString(o.connectionString);
  const user = o.user ?? process.env.PGUSER ?? '';
  const host = o.host ?? process.env.PGHOST ?? 'localhost';
  const port = o.port ?? process.env.PGPORT ?? 5432;
  return `postgres://${user ? `${user}${o.password ? ':***' : ''}@` : ''}${host}:${port}/${o.database ?? process.env.PGDATABASE ?? ''}`;
}

/**
 * Opens a pool for the connection string, or uses the caller's as it is. An idle client that loses its server
 * (a restart, a failover) is reported and dropped by the pool; the next query opens a fresh one, so the store comes
 * back on its own when the database does.
 */
export function postgresConnection(options: ResolvedPostgresOptions, logger: Logger): PostgresConnection {
  const c = options.connection;
  if ('pool' in c) return { pool: c.pool, description: describePool(c.pool), close: async () => {} };
  const pool = new pg.Pool({ connectionString: c.connectionString, max: c.max, connectionTimeoutMillis: 10_000 });
  const description = redactConnectionString(c.connectionString);
  pool.on('error', (err) =>
    logger.error({ err, database: description }, '[loket] [store-postgres] idle connection lost; the pool reconnects'),
  );
  let ended: Promise<void> | undefined;
  return { pool, description, close: () => (ended ??= pool.end()) };
}

/** SQLSTATE classes that no retry fixes: bad credentials, a missing database, missing privileges. */
const CONFIG_STATES = /^(28|3D|42501)/;

/**
 * The error to throw when the database cannot be reached or used at start: `CONFIG` when the fix is in the
 * settings (credentials, database name, privileges), `NETWORK` when the server did not answer. Names the
 * connection with its password redacted.
 */
export function connectError(err: unknown, description: string): LoketError {
  const code = String((err as { code?: unknown }).code ?? '');
  const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  if (CONFIG_STATES.test(code)) {
    return new LoketError(
      'CONFIG',
      loketMessage(
        'store-postgres',
        `${description} refused the connection (${reason}): check the user, password and database`,
      ),
      { cause: err, details: { database: description, sqlState: code } },
    );
  }
  return new LoketError(
    'NETWORK',
    loketMessage('store-postgres', `cannot reach ${description} (${reason || code}): is PostgreSQL running there?`),
    { cause: err, details: { database: description } },
  );
}
