// Prints the plans of the hot queries on a filled schema, for the README: `npx tsx --conditions=source
// scripts/explain.ts` (DATABASE_URL or the local server). Creates its own database and drops it afterwards.
import pg from 'pg';
import { tableNames } from '../src/postgres-names.js';
import { postgresStore } from '../src/postgres-store.js';
import { createTestDatabase, postgresTestUrl } from '../src/testing.js';

const server = await postgresTestUrl('explain');
if (!server) process.exit(1);
const db = await createTestDatabase(server);
const store = await postgresStore({ connectionString: db.url });
const t = tableNames('public', 'loket_');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  // 50k dead letters and 5k queued items (the backlog a slow handler leaves), 100k log entries in 2k conversations.
  await client.query(`INSERT INTO ${t.inbox} (channel, method, url, headers, body, received_at, state, failed_at)
    SELECT 'whatsapp', 'POST', '/webhooks/whatsapp', '{}', '\\x00', i, CASE WHEN i <= 50000 THEN 'dead' ELSE 'queued' END,
           CASE WHEN i <= 50000 THEN i END
    FROM generate_series(1, 55000) i`);
  await client.query(`INSERT INTO ${t.outbox} (batch, payload, created_at, state)
    SELECT 'b' || (i / 100), '{}', i, CASE WHEN i <= 45000 THEN 'done' ELSE 'queued' END FROM generate_series(1, 50000) i`);
  await client.query(`INSERT INTO ${t.logHeads} (conversation, channel, account, "user", head, updated_at)
    SELECT 'webchat:site:u' || c, 'webchat', 'site', 'u' || c, 50, c FROM generate_series(1, 2000) c`);
  await client.query(`INSERT INTO ${t.log} (conversation, seq, at, kind, data, key)
    SELECT 'webchat:site:u' || c, s, c * 100 + s, 'message', '{}', 'k' || s FROM generate_series(1, 2000) c, generate_series(1, 50) s`);
  await client.query('ANALYZE');
  const plans: [string, string, unknown[]][] = [
    [
      'inbox lease',
      `SELECT id FROM ${t.inbox} WHERE state = 'queued' AND available_at <= 1 ORDER BY id LIMIT 16 FOR UPDATE SKIP LOCKED`,
      [],
    ],
    [
      'inbox enqueue',
      `WITH inserted AS (INSERT INTO ${t.inbox} (channel, method, url, headers, body, received_at) VALUES ('whatsapp', 'POST', '/', '{}', '\\x00', 1), ('whatsapp', 'POST', '/', '{}', '\\x01', 1) RETURNING id) SELECT id FROM inserted, pg_notify('loket', '["loket:work","inbox"]')`,
      [],
    ],
    [
      'outbox lease',
      `SELECT id FROM ${t.outbox} WHERE state = 'queued' AND available_at <= 1 ORDER BY id LIMIT 16 FOR UPDATE SKIP LOCKED`,
      [],
    ],
    [
      'log read (after)',
      `SELECT seq, at, kind, data, key FROM ${t.log} WHERE conversation = 'webchat:site:u7' AND seq > 10 AND seq < 9007199254740991 ORDER BY seq ASC LIMIT 20`,
      [],
    ],
    [
      'log read (before: the newest page)',
      `SELECT seq, at, kind, data, key FROM ${t.log} WHERE conversation = 'webchat:site:u7' AND seq > 0 AND seq < 40 ORDER BY seq DESC LIMIT 20`,
      [],
    ],
    ['log byKey', `SELECT seq FROM ${t.log} WHERE conversation = 'webchat:site:u7' AND key = 'k3'`, []],
    [
      'log conversations (a page)',
      `SELECT conversation FROM ${t.logHeads} WHERE head > 0 AND updated_at >= 1000 AND (updated_at, conversation) > (1500, '') ORDER BY updated_at, conversation LIMIT 51`,
      [],
    ],
  ];
  for (const [name, sql, params] of plans) {
    const { rows } = await client.query(`EXPLAIN (COSTS OFF) ${sql}`, params);
    console.log(`-- ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
} finally {
  await client.end();
  await store.close();
  await db.drop();
}
