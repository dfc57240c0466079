import { createTestDatabase, postgresTestUrl } from '@loket/store-postgres/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';

const server = await postgresTestUrl('cli');
const db = server === undefined ? undefined : await createTestDatabase(server);
afterAll(() => db?.drop());

describe('loket db migrate', () => {
  it('--print writes the versioned SQL for the given schema and prefix, without a database', async () => {
    const io = memoryIo();
    expect(await runCli(['db', 'migrate', '--print', '--schema', 'crm', '--table-prefix', 'chat_'], io)).toBe(0);
    const sql = io.lines.join('\n');
    expect(sql).toMatch(/^-- @loket\/store-postgres \d+\.\d+\.\d+: schema versions 1\.\.\d+\nBEGIN;/);
    expect(sql).toContain('CREATE TABLE "crm"."chat_inbox" (');
    expect(sql).toContain('body bytea NOT NULL');
    expect(sql).toContain(`INSERT INTO "crm"."chat_schema_version" (version, written_by) VALUES (1,`);
    expect(sql.trimEnd().endsWith('COMMIT;')).toBe(true);
  });

  it('refuses a schema name that is not a plain SQL name, with the usage exit code', async () => {
    const io = memoryIo();
    expect(await runCli(['db', 'migrate', '--print', '--schema', 'x; drop'], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/schema is invalid \(must be a lower-case SQL name .*postgresStore/);
  });

  it('asks for a database when it is not printing', async () => {
    const io = memoryIo();
    expect(await runCli(['db', 'migrate'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('pass --database-url postgres://');
  });

  describe.skipIf(db === undefined)('against a database', () => {
    it('applies the migrations once; a second run finds nothing to do', async () => {
      const io = memoryIo({ env: { DATABASE_URL: db!.url } });
      expect(await runCli(['db', 'migrate', '--schema', 'cli_app'], io)).toBe(0);
      expect(await runCli(['db', 'migrate', '--schema', 'cli_app'], io)).toBe(0);
      expect(io.lines.at(-1)).toMatch(/is at schema version \d+$/);
      const client = new pg.Client({ connectionString: db!.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM cli_app.loket_schema_version');
      await client.end();
      expect(rows).toEqual([{ n: 1 }]);
    });
  });
});
