import { type Gateway, LoketError, createGateway } from '@loket/core';
import { redisStore } from '@loket/store-redis';
import { freePort, startTestRedis, type TestRedisServer } from '@loket/store-redis/testing';
import { catchLoketError } from '@loket/testing';
import { whatsapp } from '@loket/whatsapp';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from './children.js';
import { APP_SECRET, PHONE_NUMBER_ID, type SignedWebhook, signedWebhooks } from './webhooks.js';

const to = { channel: 'whatsapp' as const, account: PHONE_NUMBER_ID, user: '31612340000' };
const text = { type: 'text' as const, text: 'Hello' };

function gatewayOn(store: ReturnType<typeof redisStore>): Gateway {
  return createGateway({
    channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'unreachable', accessToken: 'unreachable-token' })],
    store,
    worker: { pollMs: 50 },
  });
}

/** Delivers a webhook as the platform does; answers the status and the body. */
async function deliver(gateway: Gateway, hook: SignedWebhook): Promise<{ status: number; body: string }> {
  const res = await gateway.fetch(
    new Request('http://gateway.test/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': hook.signature },
      body: new Uint8Array(hook.body),
    }),
  );
  return { status: res.status, body: await res.text() };
}

describe('a gateway on a Redis nothing listens on', () => {
  it('rejects start with NETWORK naming the URL, password redacted', { timeout: 5000 }, async () => {
    const port = await freePort();
    const store = redisStore({ url: `redis://:secret@127.0.0.1:${port}` });
    const gateway = gatewayOn(store);
    const err = await catchLoketError(gateway.start());
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain(`redis://:***@127.0.0.1:${port}`);
    expect(err.message).not.toContain('secret');
    await gateway.close();
    await store.close();
  });

  it('answers webhooks 503 "store unavailable", rejects send, and closes', { timeout: 5000 }, async () => {
    const store = redisStore({ url: `redis://127.0.0.1:${await freePort()}` });
    const gateway = gatewayOn(store);
    const [hook] = signedWebhooks(1);
    expect(await deliver(gateway, hook!)).toEqual({ status: 503, body: '{"error":"store unavailable"}' });
    const err = await catchLoketError(gateway.send({ to, content: text }));
    expect(err.code).toBe('NETWORK');
    await gateway.close();
    await store.close();
  });
});

describe('a gateway whose Redis goes away while it serves', () => {
  let redis: TestRedisServer | undefined;
  afterEach(async () => {
    await redis?.kill();
    redis = undefined;
  });

  it('answers 503 while it is gone, takes the retry once it is back, and never hangs', {
    timeout: 20_000,
  }, async () => {
    redis = await startTestRedis();
    const port = redis.port;
    const store = redisStore({ url: redis.url });
    const gateway = gatewayOn(store);
    const handled = new Set<string>();
    gateway.on('message', (event) => {
      handled.add(event.id);
    });
    await gateway.start();
    const [first, second] = signedWebhooks(2);
    expect((await deliver(gateway, first!)).status).toBe(200);
    expect(await waitUntil(() => handled.has(first!.wamid), 5000)).toBe(true);

    await redis.kill();
    expect(await deliver(gateway, second!)).toEqual({ status: 503, body: '{"error":"store unavailable"}' });
    const err = await catchLoketError(gateway.send({ to, content: text }));
    expect(LoketError.is(err) && err.code).toBe('NETWORK');

    redis = await startTestRedis(port);
    // The platform delivers the refused webhook again; the store reconnects on its own.
    await expect.poll(async () => (await deliver(gateway, second!)).status, { timeout: 10_000 }).toBe(200);
    expect(await waitUntil(() => handled.has(second!.wamid), 5000)).toBe(true);

    await redis.kill();
    await gateway.close();
    await store.close();
  });
});
