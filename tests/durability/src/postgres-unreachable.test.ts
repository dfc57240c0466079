import { createGateway } from '@loket/core';
import { postgresStore } from '@loket/store-postgres';
import { createTestDatabase, postgresTestUrl, uniqueSchema } from '@loket/store-postgres/testing';
import { catchLoketError } from '@loket/testing';
import { whatsapp } from '@loket/whatsapp';
import { afterAll, describe, expect, it } from 'vitest';
import { cutOff, letBackIn } from './postgres-cutoff.js';
import { APP_SECRET, PHONE_NUMBER_ID, signedWebhooks } from './webhooks.js';

const server = await postgresTestUrl('durability');

if (server === undefined) {
  describe.skip('a gateway whose PostgreSQL cannot be reached (no PostgreSQL reachable)', () => it.skip('needs it'));
} else {
  const db = await createTestDatabase(server);
  afterAll(async () => {
    await letBackIn(server, db.name);
    await db.drop();
  });

  describe('a gateway whose PostgreSQL cannot be reached', () => {
    it('answers webhooks 503 "store unavailable", rejects send and start, and closes', {
      timeout: 20_000,
    }, async () => {
      const store = await postgresStore({ connectionString: db.url }, { schema: uniqueSchema() });
      const gateway = createGateway({
        channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'pg-down', accessToken: 'pg-down-token' })],
        store,
      });
      await cutOff(server, db.name);

      expect((await catchLoketError(gateway.start())).code).toBe('NETWORK');
      const [hook] = signedWebhooks(1);
      const res = await gateway.fetch(
        new Request('http://gateway.test/webhooks/whatsapp', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': hook!.signature },
          body: new Uint8Array(hook!.body),
        }),
      );
      expect([res.status, await res.text()]).toEqual([503, '{"error":"store unavailable"}']);
      const to = { channel: 'whatsapp' as const, account: PHONE_NUMBER_ID, user: '31612340000' };
      const err = await catchLoketError(gateway.send({ to, content: { type: 'text', text: 'Hello' } }));
      expect(err.code).toBe('NETWORK');
      await gateway.close();
      await store.close();
    });
  });
}
