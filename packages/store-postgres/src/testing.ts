import { randomUUID } from 'node:crypto';
import pg from 'pg';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Helpers for tests that need a real PostgreSQL (this package's, and yours: run `describeStoreConformance` against
 * `postgresStore` in your CI). Not part of the store itself.
 */

/**
 * The server the tests use (DATABASE_URL, or `postgres://postgres@127.0.0.1:5432/postgres`), or undefined when none
 * answers: the PostgreSQL tests are then skipped with a message naming `who`. Under `CI=true` a missing server
 * fails instead, so CI never passes with the PostgreSQL tests silently skipped.
 *
 * @example
 * const url = await postgresTestUrl('my-app');
 * describe.skipIf(!url)('with PostgreSQL', () => { ... });
 */
export async function postgresTestUrl(who = 'store-postgres'): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: URL_, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return URL_;
  } catch (err) {
    const text = `[${who}] no PostgreSQL at ${URL_} (${(err as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${text}: CI runs the PostgreSQL tests; start the server.`);
    console.warn(`${text}: skipping the PostgreSQL tests. Start one or set DATABASE_URL to run them.`);
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database of a test run's own, and how to drop it. */
export interface TestDatabase {
  /** The connection string of the new database. */
  url: string;
  name: string;
  /** Drops the database (closing whatever connections are still open on it). */
  drop(): Promise<void>;
}

/**
 * Creates a database with a name no other run uses (parallel runs on one server never clash), on the server of
 * `serverUrl`. Drop it in `afterAll`.
 *
 * @example
 * const db = await createTestDatabase(url);
 * afterAll(() => db.drop());
 * const store = await postgresStore({ connectionString: db.url });
 */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `loket_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A schema name no other test case uses, for a fresh, empty store per case inside one test database. */
export function uniqueSchema(): string {
  return `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Whether `needle` (as UTF-8) is in any page of any table, index or TOAST table of `schema`, live rows or not:
 * proves that an erasure left no trace in the data files. Reads the pages with `get_raw_page` (the pageinspect
 * extension, created here; needs a superuser, as the test server's `postgres` is).
 */
export async function rawContains(url: string, schema: string, needle: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    const { rows } = await client.query<{ found: boolean }>(
      `WITH rels AS (
         SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'i')
         UNION
         SELECT c.reltoastrelid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.reltoastrelid <> 0
         UNION
         SELECT i.indexrelid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_index i ON i.indrelid = c.reltoastrelid WHERE n.nspname = $1
       )
       SELECT coalesce(bool_or(position(convert_to($2, 'UTF8') in get_raw_page(rels.oid::regclass::text, b)) > 0), false) AS found
       FROM rels, generate_series(0, (pg_relation_size(rels.oid) / current_setting('block_size')::int)::int - 1) b`,
      [schema, needle],
    );
    return rows[0]?.found ?? false;
  } finally {
    await client.end();
  }
}
