import { setTimeout as sleep } from 'node:timers/promises';
import type { InboxEntry, Store } from '@loket/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisStore } from './redis-store.js';
import { deleteKeys, keysUnder, redisTestUrl, uniquePrefix } from './testing.js';

const url = await redisTestUrl();

const entry = (n: number): InboxEntry => ({
  channel: 'whatsapp',
  request: { method: 'POST', url: '/webhooks/whatsapp', headers: {}, body: Uint8Array.from([n, 0, 255]) },
  receivedAt: n,
});

// Two stores with one prefix but separate connections stand for two gateway processes sharing one Redis.
describe.skipIf(url === undefined)('redisStore shared by two gateway processes', () => {
  let prefix: string;
  let a: Store;
  let b: Store;
  beforeEach(() => {
    prefix = uniquePrefix();
    a = redisStore({ url: url!, keyPrefix: prefix });
    b = redisStore({ url: url!, keyPrefix: prefix });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await deleteKeys(url!, prefix);
  });

  it('gives one inbox item to exactly one of two racing clients', async () => {
    const id = await a.inbox.enqueue(entry(1));
    const [fromA, fromB] = await Promise.all([
      a.inbox.lease({ limit: 5, leaseMs: 60_000 }),
      b.inbox.lease({ limit: 5, leaseMs: 60_000 }),
    ]);
    expect([...fromA, ...fromB].map((item) => item.id)).toEqual([id]);
  });

  it('hands 200 items to two busy workers, each exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, n) => a.inbox.enqueue(entry(n % 256))));
    const work = async (store: Store) => {
      const got: string[] = [];
      for (;;) {
        const items = await store.inbox.lease({ limit: 3, leaseMs: 60_000 });
        if (items.length === 0) return got;
        for (const item of items) {
          got.push(item.id);
          await store.inbox.ack(item.id, item.token);
        }
      }
    };
    const [byA, byB] = await Promise.all([work(a), work(b)]);
    expect([...byA, ...byB].sort()).toEqual([...ids].sort());
    expect(await b.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('lets another consumer reclaim an item whose lease expired, and refuses the first holder', async () => {
    const id = await a.inbox.enqueue(entry(7));
    const [first] = await a.inbox.lease({ limit: 1, leaseMs: 100 });
    expect(await b.inbox.lease({ limit: 1, leaseMs: 60_000 }), 'still leased by a').toEqual([]);
    await sleep(400); // a's process is stuck (or dead) past its lease
    const [second] = await b.inbox.lease({ limit: 1, leaseMs: 60_000 });
    expect(second).toMatchObject({ id, attempts: 1 });
    expect(Array.from(second!.request.body)).toEqual([7, 0, 255]);
    expect(await a.inbox.extend(id, first!.token, 60_000)).toBe(false);
    await a.inbox.ack(id, first!.token);
    await a.inbox.deadLetter(id, first!.token, { error: 'late', failedEvents: [] });
    expect(await b.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
    await b.inbox.ack(id, second!.token);
    expect(await a.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('lets a dead letter replayed by one process be leased by the other, bytes intact', async () => {
    const id = await a.inbox.enqueue(entry(9));
    const [item] = await a.inbox.lease({ limit: 1, leaseMs: 60_000 });
    await a.inbox.deadLetter(id, item!.token, { error: 'parser bug', failedEvents: ['wamid.9'] });
    expect(await b.inbox.replay(id)).toBe(true);
    const [again] = await b.inbox.lease({ limit: 1, leaseMs: 60_000 });
    expect(again).toMatchObject({ id, attempts: 0 });
    expect(Array.from(again!.request.body)).toEqual([9, 0, 255]);
  });

  it('keeps stores with different prefixes apart, and writes only under its prefix', async () => {
    const otherPrefix = uniquePrefix();
    const other = redisStore({ url: url!, keyPrefix: otherPrefix });
    await a.inbox.enqueue(entry(1));
    expect(await other.inbox.lease({ limit: 5, leaseMs: 60_000 })).toEqual([]);
    await other.close();
    expect(await keysUnder(url!, otherPrefix)).toEqual([]);
    expect((await keysUnder(url!, prefix)).length).toBeGreaterThan(0);
  });
});
