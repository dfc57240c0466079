import type pg from 'pg';
import { NOW_MS } from './postgres-names.js';

/** What the store's parts query through: the pool's `query` (one statement) and `connect` (a transaction). */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  connect(): Promise<pg.PoolClient>;
}

/**
 * The pool as the store's parts use it. Every statement reads time as {@link NOW_MS}, the server's clock; with
 * `now` (tests with a fake clock), that expression is replaced by `now()`'s value at the moment of the call.
 */
export function clockedDb(pool: pg.Pool, now?: () => number): Db {
  if (now === undefined) return { query: (text, params) => pool.query(text, params), connect: () => pool.connect() };
  return {
    query: (text, params) => pool.query(text.replaceAll(NOW_MS, `${Math.floor(now())}::bigint`), params),
    connect: () => pool.connect(),
  };
}

/** Either the pool or one client inside a transaction: anything that runs a statement. */
export type Queryable = Pick<Db, 'query'>;
