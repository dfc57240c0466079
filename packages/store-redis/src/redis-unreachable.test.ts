import { catchLoketError } from '@loket/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { redisStore } from './redis-store.js';
import { freePort, startTestRedis, type TestRedisServer } from './testing.js';

const entry = {
  channel: 'webchat' as const,
  request: { method: 'POST', url: '/webchat', headers: {}, body: new Uint8Array([1]) },
  receivedAt: 1,
};

describe('redisStore without a Redis to talk to', () => {
  it('fails every call with NETWORK naming the URL, password redacted, and closes', { timeout: 5000 }, async () => {
    const port = await freePort();
    const store = redisStore({ url: `redis://:s3cret-pass@127.0.0.1:${port}` });
    for (const call of [
      () => store.inbox.enqueue(entry),
      () => store.inbox.stats(),
      () => store.pubsub.subscribe('t', () => {}),
    ]) {
      const err = await catchLoketError(call);
      expect(err.code).toBe('NETWORK');
      expect(err.retryable).toBe(true);
      expect(err.message).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${port}`);
      expect(err.message).not.toContain('s3cret-pass');
    }
    await store.close();
  });

  it('fails a call within connectTimeoutMs when the first connection gets no answer', { timeout: 5000 }, async () => {
    // 10.255.255.1 is not routed here: the TCP connect neither succeeds nor is refused.
    const store = redisStore({ url: 'redis://user:pw123456@10.255.255.1:6379', connectTimeoutMs: 300 });
    const err = await catchLoketError(store.inbox.stats());
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain('redis://user:***@10.255.255.1:6379');
    await store.close();
  });
});

describe('redisStore whose Redis comes and goes', () => {
  let redis: TestRedisServer | undefined;
  afterEach(async () => {
    await redis?.kill();
    redis = undefined;
  });

  it('works once a Redis that was down at creation comes up', { timeout: 15_000 }, async () => {
    const port = await freePort();
    const store = redisStore({ url: `redis://127.0.0.1:${port}` });
    expect((await catchLoketError(store.inbox.stats())).code).toBe('NETWORK');
    redis = await startTestRedis(port);
    await expect
      .poll(() => store.inbox.stats().catch(() => undefined), { timeout: 10_000 })
      .toEqual({
        pending: 0,
        leased: 0,
        dead: 0,
      });
    await store.close();
  });

  it('fails calls at once while its Redis is gone, and works again when it is back', { timeout: 20_000 }, async () => {
    redis = await startTestRedis();
    const port = redis.port;
    const store = redisStore({ url: redis.url });
    await store.inbox.enqueue(entry);
    await redis.kill();
    const err = await catchLoketError(store.inbox.enqueue(entry));
    expect(err.code).toBe('NETWORK');
    expect((await catchLoketError(store.dedupe.claim('k', 1000))).code).toBe('NETWORK');
    redis = await startTestRedis(port);
    await expect.poll(() => store.inbox.enqueue(entry).catch(() => undefined), { timeout: 10_000 }).toBeDefined();
    await store.close();
  });
});
