import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redisStore } from './index.js';
import { deleteKeys, keysUnder, redisTestUrl, uniquePrefix } from './testing.js';

const url = await redisTestUrl();
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(url === undefined)('redisStore outbox retention', () => {
  let prefix: string;
  beforeEach(() => {
    prefix = uniquePrefix();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await deleteKeys(url!, prefix);
  });

  it('forgets finished outbox jobs after messageDays, never a queued one or a recent one', async () => {
    const store = redisStore({ url: url!, keyPrefix: prefix, retention: { messageDays: 1 } });
    const old = Date.now() - 2 * DAY;
    const ids = await store.outbox.enqueue([
      { batch: 'old', payload: '{"n":1}', createdAt: old },
      { batch: 'old', payload: '{"n":2}', createdAt: old },
      { batch: 'old', payload: '{"n":3}', createdAt: old },
      { batch: 'new', payload: '{"n":4}', createdAt: Date.now() },
    ]);
    const jobs = await store.outbox.lease({ limit: 4, leaseMs: 60_000 });
    for (const job of jobs) {
      if (job.id === ids[1]) await store.outbox.retry(job.id, job.token, { delayMs: 0, error: 'later' });
      else await store.outbox.finish(job.id, job.token, { status: 'done', detail: '{}' });
    }
    expect(await store.prune()).toEqual({ outboxJobs: 2 });
    expect((await store.outbox.batch('old')).map((r) => [r.id, r.state])).toEqual([[ids[1], 'queued']]);
    expect((await store.outbox.batch('new')).map((r) => r.state)).toEqual(['done']);
    expect(await store.outbox.stats()).toEqual({ pending: 1, leased: 0, finished: 1 });
    expect(await store.prune()).toEqual({ outboxJobs: 0 });
    // Nothing of the pruned jobs is left in any key.
    const client = (await import('redis')).createClient({ url: url! });
    await client.connect();
    for (const key of await keysUnder(url!, prefix)) {
      const type = await client.type(key);
      const text =
        type === 'hash'
          ? JSON.stringify(await client.hGetAll(key))
          : type === 'zset'
            ? JSON.stringify(await client.zRange(key, 0, -1))
            : type === 'list'
              ? JSON.stringify(await client.lRange(key, 0, -1))
              : '';
      expect(text).not.toContain('"n\\":1');
    }
    await client.close();
    await store.close();
  });

  it('sweeps on an unref’d timer every outboxSweepMs, and close() stops it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const store = redisStore({ url: url!, keyPrefix: prefix, retention: { messageDays: 1, outboxSweepMs: 50_000 } });
    const [id] = await store.outbox.enqueue([{ batch: 'b', payload: '{}', createdAt: Date.now() - 2 * DAY }]);
    const [job] = await store.outbox.lease({ limit: 1, leaseMs: 60_000 });
    await store.outbox.finish(job!.id, job!.token, { status: 'done', detail: '{}' });
    expect(job?.id).toBe(id);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(50_000);
    await vi.waitFor(async () => expect(await store.outbox.batch('b')).toEqual([]), { timeout: 5000 });
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
