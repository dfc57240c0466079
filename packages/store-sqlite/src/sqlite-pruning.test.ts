import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sqliteStore } from './sqlite-store.js';
import { tempDir } from './test-support/temp-db.js';

const DAY = 24 * 60 * 60 * 1000;
const ref = { channel: 'webchat' as const, account: 'site', user: 'visitor' };

describe('sqliteStore retention', () => {
  let dir: ReturnType<typeof tempDir>;
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    dir = tempDir();
    clock = 100 * DAY;
  });
  afterEach(() => {
    vi.useRealTimers();
    dir.remove();
  });

  it('removes expired claims and locks but keeps live ones', async () => {
    const store = sqliteStore({ path: dir.file(), now });
    await store.dedupe.claim('short', 1000);
    await store.dedupe.claim('long', 10_000);
    await store.locks.acquire('lock', 1000);
    clock += 5000;
    expect(await store.prune()).toMatchObject({ claims: 1, locks: 1 });
    expect(await store.dedupe.claim('long', 10_000)).toBeNull();
    expect(await store.dedupe.claim('short', 10_000)).not.toBeNull();
    await store.close();
  });

  it('drops log entries older than logDays and keeps counting seqs after them', async () => {
    const store = sqliteStore({ path: dir.file(), now, retention: { logDays: 7 } });
    await store.log.append(ref, { at: clock - 8 * DAY, kind: 'old', data: 1 });
    await store.log.append(ref, { at: clock - 8 * DAY, kind: 'old', data: 2 });
    await store.log.append(ref, { at: clock - 1 * DAY, kind: 'recent', data: 3 });
    expect(await store.prune()).toMatchObject({ logEntries: 2 });
    expect((await store.log.read(ref)).map((e) => [e.seq, e.kind])).toEqual([[3, 'recent']]);
    clock += 30 * DAY;
    await store.prune();
    expect(await store.log.read(ref)).toEqual([]);
    expect((await store.log.append(ref, { at: clock, kind: 'new', data: 4 })).entry.seq).toBe(4);
    expect(await store.log.head(ref)).toBe(4);
    await store.close();
  });

  it('forgets sent messages after messageDays, unless a status is still live', async () => {
    const store = sqliteStore({ path: dir.file(), now, retention: { messageDays: 1 } });
    await store.messages.recordSent('old', ref, clock);
    await store.messages.recordSent('tracked', ref, clock);
    await store.messages.advanceStatus('tracked', 'delivered', 5 * DAY);
    clock += 2 * DAY;
    expect(await store.prune()).toMatchObject({ messages: 1 });
    expect(await store.messages.conversationOf('old')).toBeUndefined();
    expect(await store.messages.conversationOf('tracked')).toEqual(ref);
    await store.close();
  });

  it('forgets finished outbox jobs after messageDays, never a queued one', async () => {
    const store = sqliteStore({ path: dir.file(), now, retention: { messageDays: 1 } });
    await store.outbox.enqueue([
      { batch: 'b', payload: '{}', createdAt: clock },
      { batch: 'b', payload: '{}', createdAt: clock },
    ]);
    const [job] = await store.outbox.lease({ limit: 1, leaseMs: 1000 });
    await store.outbox.finish(job!.id, job!.token, { status: 'done', detail: '{}' });
    clock += 2 * DAY;
    expect(await store.prune()).toMatchObject({ outboxJobs: 1 });
    expect((await store.outbox.batch('b')).map((r) => r.state)).toEqual(['queued']);
    await store.close();
  });

  it('sweeps on an unref’d timer every claimsSweepMs, and close() stops it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const store = sqliteStore({ path: dir.file(), now, retention: { logDays: 1, claimsSweepMs: 50_000 } });
    await store.log.append(ref, { at: clock - 2 * DAY, kind: 'old', data: 1 });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(49_999);
    expect(await store.log.read(ref)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(await store.log.read(ref)).toHaveLength(0);
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
