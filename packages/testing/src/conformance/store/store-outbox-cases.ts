import type { OutboxEntry } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { entry, type StoreCaseContext, settle } from './store-suite-context.js';

const LONG = 60_000;

/** An outbox entry; the payload is opaque to the store, so any text must come back exactly. */
function job(batch: string, n: number): OutboxEntry {
  return { batch, payload: `{"n":${n},"text":"caf\u00e9 \u2713 \\u00e9"}`, createdAt: 1_700_000_000_000 + n };
}

/** The outbox: batch enqueue, leases like the inbox's, outcomes kept per job, per-batch reports, stale tokens. */
export function outboxCases(ctx: StoreCaseContext): void {
  const outbox = () => ctx.store.outbox;
  const lease = (limit = 10, leaseMs = LONG) => outbox().lease({ limit, leaseMs });
  const zero = { queued: 0, done: 0, failed: 0, 'skipped-no-consent': 0 };

  describe('outbox', () => {
    it('stores a batch and hands its jobs out oldest first, exactly as given', async () => {
      const given = [job('b1', 1), job('b1', 2), job('b1', 3)];
      const ids = await outbox().enqueue(given);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      const leased = await lease(2);
      expect(leased.map((j) => j.id)).toEqual(ids.slice(0, 2));
      expect(leased[0]).toMatchObject({ ...given[0], attempts: 0 });
      expect(typeof leased[0]?.token).toBe('string');
      expect((await lease()).map((j) => j.id)).toEqual(ids.slice(2));
      expect(await lease()).toEqual([]);
    });

    it('is a queue of its own: outbox jobs never show up in the inbox, nor inbox items in the outbox', async () => {
      await ctx.store.inbox.enqueue(entry('a'));
      const [id] = await outbox().enqueue([job('b1', 1)]);
      expect((await lease()).map((j) => j.id)).toEqual([id]);
      expect(await ctx.store.inbox.lease({ limit: 10, leaseMs: LONG })).toHaveLength(1);
    });

    it('keeps each finished job with its outcome and reports a batch per job, in order', async () => {
      const ids = await outbox().enqueue([job('b1', 1), job('b1', 2), job('b1', 3), job('b1', 4)]);
      await outbox().enqueue([job('other', 9)]);
      const [a, b, c] = await lease(3);
      expect(await outbox().finish(a!.id, a!.token, { status: 'done', detail: '{"receipt":1}' })).toBe(true);
      expect(await outbox().finish(b!.id, b!.token, { status: 'failed', detail: '{"error":"x"}' })).toBe(true);
      expect(await outbox().finish(c!.id, c!.token, { status: 'skipped-no-consent', detail: '{}' })).toBe(true);
      const records = await outbox().batch('b1');
      expect(records.map((r) => [r.id, r.state, r.detail])).toEqual([
        [ids[0], 'done', '{"receipt":1}'],
        [ids[1], 'failed', '{"error":"x"}'],
        [ids[2], 'skipped-no-consent', '{}'],
        [ids[3], 'queued', undefined],
      ]);
      expect(records[0]).toMatchObject({ ...job('b1', 1), attempts: 1 });
      expect(records[3]).toMatchObject({ ...job('b1', 4), attempts: 0 });
      expect(await outbox().counts('b1')).toEqual({ queued: 1, done: 1, failed: 1, 'skipped-no-consent': 1 });
      expect(await outbox().stats()).toEqual({ pending: 2, leased: 0, finished: 3 });
      expect(await outbox().batch('nope')).toEqual([]);
      expect(await outbox().counts('nope')).toEqual(zero);
    });

    it('never leases a finished job again', async () => {
      await outbox().enqueue([job('b1', 1)]);
      const [a] = await lease(1, ctx.ttl);
      await outbox().finish(a!.id, a!.token, { status: 'done', detail: '{}' });
      await ctx.expire();
      expect(await lease()).toEqual([]);
    });

    it('refuses finish, retry and extend with a wrong token', async () => {
      await outbox().enqueue([job('b1', 1)]);
      const [a] = await lease();
      expect(await outbox().finish(a!.id, 'not-the-token', { status: 'done', detail: '{}' })).toBe(false);
      await settle(() => outbox().retry(a!.id, 'not-the-token', { delayMs: 0, error: 'x' }));
      expect(await outbox().extend(a!.id, 'not-the-token', LONG)).toBe(false);
      expect(await lease()).toEqual([]);
      expect(await outbox().counts('b1')).toEqual({ ...zero, queued: 1 });
    });

    it('makes a retried job due again after its delay, with attempts raised', async () => {
      const [id] = await outbox().enqueue([job('b1', 1)]);
      const [a] = await lease();
      await outbox().retry(id!, a!.token, { delayMs: ctx.ttl, error: 'RATE_LIMITED' });
      expect(await lease(), 'not due before the delay').toEqual([]);
      await ctx.expire();
      expect(await lease()).toMatchObject([{ id, attempts: 1, payload: job('b1', 1).payload }]);
    });

    it('hands a job whose lease ran out to the next worker; the first token no longer finishes it', async () => {
      const [id] = await outbox().enqueue([job('b1', 1)]);
      const [first] = await lease(1, ctx.ttl);
      await ctx.expire();
      const [second] = await lease();
      expect(second).toMatchObject({ id, attempts: 1 });
      expect(await outbox().finish(id!, first!.token, { status: 'done', detail: '"stale"' })).toBe(false);
      expect(await outbox().finish(id!, second!.token, { status: 'done', detail: '"fresh"' })).toBe(true);
      expect((await outbox().batch('b1'))[0]).toMatchObject({ state: 'done', detail: '"fresh"', attempts: 2 });
    });

    it('keeps a job leased while its holder extends the lease', async () => {
      await outbox().enqueue([job('b1', 1)]);
      const [a] = await lease(1, ctx.ttl * 2);
      expect(await outbox().extend(a!.id, a!.token, LONG)).toBe(true);
      await ctx.expire();
      expect(await lease()).toEqual([]);
      expect(await outbox().finish(a!.id, a!.token, { status: 'done', detail: '{}' })).toBe(true);
    });

    it('gives each job to one of two racing leasers', async () => {
      const ids = await outbox().enqueue(Array.from({ length: 20 }, (_, n) => job('b1', n)));
      const [x, y] = await Promise.all([lease(15), lease(15)]);
      const all = [...x, ...y].map((j) => j.id);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...ids].sort());
    });
  });
}
