import { describe, expect, it } from 'vitest';
import { entry, type StoreCaseContext, settle } from './store-suite-context.js';

const LONG = 60_000;

/** Races between workers: one winner per inbox item, per event claim, per lock, per status step. */
export function concurrencyCases(ctx: StoreCaseContext): void {
  describe('concurrency', () => {
    it('gives one inbox item to exactly one of two racing workers', async () => {
      const id = await ctx.store.inbox.enqueue(entry('race'));
      const [a, b] = await Promise.all([
        ctx.store.inbox.lease({ limit: 1, leaseMs: LONG }),
        ctx.store.inbox.lease({ limit: 1, leaseMs: LONG }),
      ]);
      expect([...(a ?? []), ...(b ?? [])].map((i) => i.id)).toEqual([id]);
    });

    it('spreads many items over many racing workers without handing any out twice', async () => {
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => ctx.store.inbox.enqueue(entry(`m${i}`))));
      const leased = await Promise.all(
        Array.from({ length: 5 }, () => ctx.store.inbox.lease({ limit: 10, leaseMs: LONG })),
      );
      expect(
        leased
          .flat()
          .map((i) => i.id)
          .sort(),
      ).toEqual([...ids].sort());
    });

    it('lets exactly one of many racing claims on one event id win', async () => {
      const tokens = await Promise.all(Array.from({ length: 10 }, () => ctx.store.dedupe.claim('wamid.race', LONG)));
      expect(tokens.filter((t) => t !== null)).toHaveLength(1);
    });

    it('lets exactly one of many racing lock acquires win', async () => {
      const tokens = await Promise.all(Array.from({ length: 10 }, () => ctx.store.locks.acquire('conv:race', LONG)));
      expect(tokens.filter((t) => t !== null)).toHaveLength(1);
    });

    it('lets exactly one of many racing identical status updates advance', async () => {
      const moved = await Promise.all(
        Array.from({ length: 10 }, () => ctx.store.messages.advanceStatus('wamid.race', 'delivered', LONG)),
      );
      expect(moved.filter(Boolean)).toHaveLength(1);
    });

    it('reclaims an item whose lease ran out mid-handler, and ignores the first worker’s late ack', async () => {
      const id = await ctx.store.inbox.enqueue(entry('slow'));
      const [slow] = await ctx.store.inbox.lease({ limit: 1, leaseMs: ctx.ttl });
      await ctx.expire(); // the first worker's handler is still running
      const [other] = await ctx.store.inbox.lease({ limit: 1, leaseMs: LONG });
      expect(other?.id).toBe(id);
      await settle(() => ctx.store.inbox.ack(id, slow!.token));
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
      await ctx.store.inbox.ack(id, other!.token);
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
    });
  });
}
