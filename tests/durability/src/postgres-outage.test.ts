import { once } from 'node:events';
import { createServer } from 'node:http';
import { createGateway } from '@loket/core';
import { postgresStore } from '@loket/store-postgres';
import { createTestDatabase, postgresTestUrl, uniqueSchema } from '@loket/store-postgres/testing';
import { whatsapp } from '@loket/whatsapp';
import { afterAll, describe, expect, it } from 'vitest';
import { cutOff, letBackIn } from './postgres-cutoff.js';
import { waitUntil } from './children.js';
import { inboxDrained } from './inbox-drained.js';
import { APP_SECRET, post, signedWebhooks } from './webhooks.js';

const server = await postgresTestUrl('durability');

if (server === undefined) {
  describe.skip('a gateway whose PostgreSQL goes away (no PostgreSQL reachable)', () => it.skip('needs PostgreSQL'));
} else {
  const db = await createTestDatabase(server);
  afterAll(async () => {
    await letBackIn(server, db.name);
    await db.drop();
  });

  describe('a gateway whose PostgreSQL goes away while it serves', () => {
    it('answers 503 while the database is gone, and after it returns handles every acknowledged webhook', async () => {
      const store = await postgresStore({ connectionString: db.url }, { schema: uniqueSchema() });
      const gateway = createGateway({
        channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'outage', accessToken: 'outage-token' })],
        store,
        worker: { pollMs: 50, concurrency: 4 },
      });
      const handled = new Set<string>();
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      gateway.on('message', async (event) => {
        await held;
        handled.add(event.id);
      });
      await gateway.start();
      const http = createServer(gateway.node).listen(0, '127.0.0.1');
      await once(http, 'listening');
      const url = `http://127.0.0.1:${(http.address() as { port: number }).port}/webhooks/whatsapp`;
      try {
        const hooks = signedWebhooks(15);
        const before = hooks.slice(0, 10);
        const during = hooks.slice(10);
        expect(await Promise.all(before.map((h) => post(url, h)))).toEqual(before.map(() => true));

        // The database goes away: no new connections, and every open one is cut.
        await cutOff(server, db.name);
        expect(await Promise.all(during.map((h) => post(url, h)))).toEqual(during.map(() => false));
        release(); // handlers finish while their completions cannot be stored: the items stay in the inbox

        await letBackIn(server, db.name);
        // The platform retries what got 503.
        expect(await Promise.all(during.map((h) => post(url, h)))).toEqual(during.map(() => true));
        const ids = hooks.map((h) => h.wamid);
        expect(await waitUntil(() => ids.every((id) => handled.has(id)), 30_000)).toBe(true);
        expect(await inboxDrained(store, 30_000)).toBe(true);
      } finally {
        http.close();
        await gateway.close();
        await store.close();
      }
    });
  });
}
