import { createTestDatabase, postgresTestUrl } from '@loket/store-postgres/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';

const server = await postgresTestUrl('cli');
const db = server === undefined ? undefined : await createTestDatabase(server);
afterAll(() => db?.drop());

describe.skipIf(db === undefined)('loket dev --store postgres://...', () => {
  it('runs the gateway on that database, migrated at start, and says so', async () => {
    const io = memoryIo();
    const running = runCli(['dev', '--port', '0', '--store', db!.url], io);
    await expect.poll(io.text, { timeout: 15_000 }).toContain('loket dev: console on');
    expect(io.text()).toContain(`store    postgres ${db!.url}`);
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    const { rows } = await client.query("SELECT to_regclass('public.loket_inbox')::text AS inbox");
    await client.end();
    expect(rows).toEqual([{ inbox: 'loket_inbox' }]);
    io.stop();
    expect(await running).toBe(0);
  });

  it('fails with NETWORK when nothing answers there, the password redacted', async () => {
    const io = memoryIo();
    expect(await runCli(['dev', '--port', '0', '--store', 'postgres://loket:hunter2@127.0.0.1:1/app'], io)).toBe(1);
    expect(io.errors.join('\n')).toContain('cannot reach postgres://loket:***@127.0.0.1:1/app');
    expect(io.text()).not.toContain('hunter2');
  });

  it('refuses a store that is neither sqlite, memory nor a postgres:// URL, without echoing it', async () => {
    const io = memoryIo();
    expect(await runCli(['dev', '--port', '0', '--store', 'mysql://root:hunter2@db/app'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('--store must be sqlite, memory or a postgres:// URL, got "mysql"');
    expect(io.text()).not.toContain('hunter2');
  });
});
