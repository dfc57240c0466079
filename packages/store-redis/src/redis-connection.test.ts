import { createClient } from 'redis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisStore } from './redis-store.js';
import { deleteKeys, redisTestUrl, uniquePrefix } from './testing.js';

const url = await redisTestUrl();

describe.skipIf(url === undefined)('redisStore connections', () => {
  let prefix: string;
  beforeEach(() => {
    prefix = uniquePrefix();
  });
  afterEach(() => deleteKeys(url!, prefix));

  it('works through a client the caller connected, and leaves it open on close', async () => {
    const client = await createClient({ url }).connect();
    const store = redisStore({ client, keyPrefix: prefix });
    const id = await store.inbox.enqueue({
      channel: 'webchat',
      request: { method: 'POST', url: '/webchat', headers: {}, body: new Uint8Array([1]) },
      receivedAt: 1,
    });
    await store.close();
    expect(client.isOpen).toBe(true);
    expect(await client.zCard(`${prefix}{inbox}:pending`)).toBe(1);
    expect(id).toBe('1');
    await client.close();
  });

  it('runs its scripts again after the server forgot them (SCRIPT FLUSH)', async () => {
    const store = redisStore({ url: url!, keyPrefix: prefix });
    expect(await store.locks.acquire('l', 60_000)).not.toBeNull();
    const admin = await createClient({ url }).connect();
    await admin.scriptFlush();
    await admin.close();
    expect(await store.locks.acquire('l', 60_000)).toBeNull();
    await store.close();
  });

  it('closes its own client, and answers with an error afterwards', async () => {
    const store = redisStore({ url: url!, keyPrefix: prefix });
    await store.dedupe.claim('k', 1000);
    await store.close();
    await store.close();
    await expect(store.dedupe.claim('k2', 1000)).rejects.toThrow();
  });
});
