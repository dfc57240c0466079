import { catchLoketError } from '@loket/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresStore } from './postgres-store.js';
import { printMigrations, SCHEMA_VERSION } from './postgres-print.js';
import { PACKAGE_VERSION } from './postgres-schema.js';
import { entry, sql, useTestDatabase } from './test-support/test-db.js';
import { readFileSync } from 'node:fs';

const db = await useTestDatabase();

describe('the package version recorded with the schema', () => {
  it('is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });
});

describe.skipIf(db === undefined)('migrations', () => {
  const url = db?.url ?? '';

  it('creates the schema once, even when two stores start on an empty schema together', async () => {
    const schema = db!.schema();
    const [a, b] = await Promise.all([
      postgresStore({ connectionString: url }, { schema }),
      postgresStore({ connectionString: url }, { schema }),
    ]);
    const id = await a.inbox.enqueue(entry(1));
    expect((await b.inbox.lease({ limit: 5, leaseMs: 60_000 })).map((i) => i.id)).toEqual([id]);
    await Promise.all([a.close(), b.close()]);
    const versions = await sql(url, `SELECT version, written_by FROM ${schema}.loket_schema_version`);
    expect(versions).toEqual([{ version: SCHEMA_VERSION, written_by: `@loket/store-postgres ${PACKAGE_VERSION}` }]);
  });

  it('refuses a schema written by a newer version, saying which, and changes nothing', async () => {
    const schema = db!.schema();
    await (await postgresStore({ connectionString: url }, { schema })).close();
    await sql(url, `INSERT INTO ${schema}.loket_schema_version (version, written_by) VALUES ($1, $2)`, [
      SCHEMA_VERSION + 1,
      '@loket/store-postgres 9.0.0',
    ]);
    const err = await catchLoketError(postgresStore({ connectionString: url }, { schema }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain(`schema version ${SCHEMA_VERSION + 1} (written by @loket/store-postgres 9.0.0)`);
    expect(err.message).toContain(`newer than this @loket/store-postgres knows (${SCHEMA_VERSION})`);
    const rows = await sql(url, `SELECT count(*)::int AS n FROM ${schema}.loket_schema_version`);
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('with migrate: false, refuses a schema that is behind and names the command that prints the SQL', async () => {
    const schema = db!.schema();
    const err = await catchLoketError(postgresStore({ connectionString: url }, { schema, migrate: false }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain('schema version 0, this @loket/store-postgres needs');
    expect(err.message).toContain('loket db migrate --print --from 0');
    expect(await sql(url, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });

  it('prints SQL that a team can apply itself, after which the store starts without migrating', async () => {
    const schema = db!.schema();
    const script = printMigrations({ schema, tablePrefix: 'app_' });
    expect(script).toContain(`CREATE TABLE "${schema}"."app_inbox"`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(script);
    await client.end();
    const store = await postgresStore({ connectionString: url }, { schema, tablePrefix: 'app_', migrate: false });
    const id = await store.inbox.enqueue(entry(7));
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 60_000 });
    expect(item?.id).toBe(id);
    expect(Array.from(item!.request.body)).toEqual([7, 0xff, 0x00, 0xc3]);
    await store.close();
    expect(printMigrations({ schema, fromVersion: SCHEMA_VERSION })).not.toContain('CREATE TABLE "');
  });
});

describe.skipIf(db === undefined)('a database that cannot be used at start', () => {
  it('fails with NETWORK naming the connection, password redacted, when nothing listens', async () => {
    const server = await import('node:net').then(
      ({ createServer }) =>
        new Promise<import('node:net').Server>((resolve) => {
          const s = createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    );
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const err = await catchLoketError(
      postgresStore({ connectionString: `postgres://loket:hunter2@127.0.0.1:${port}/app` }),
    );
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain(`cannot reach postgres://loket:***@127.0.0.1:${port}/app`);
    expect(JSON.stringify(err.toJSON())).not.toContain('hunter2');
  });

  it('fails with CONFIG when the database does not exist', async () => {
    const missing = new URL(db!.url);
    missing.pathname = '/loket_no_such_database';
    missing.password = 'hunter2';
    const err = await catchLoketError(postgresStore({ connectionString: missing.toString() }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain('loket_no_such_database');
    expect(err.message).toContain(':***@');
    expect(err.message).not.toContain('hunter2');
  });
});
