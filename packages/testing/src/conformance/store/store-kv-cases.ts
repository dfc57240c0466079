import { describe, expect, it } from 'vitest';
import { fakeClock, part, type StoreCaseContext, withExtraStore } from './store-suite-context.js';

/** Key-value entries: get / set / delete, `ifAbsent` that exactly one racer wins, and TTLs. */
export function kvCases(ctx: StoreCaseContext): void {
  const kv = () => part(ctx.store, 'kv');

  describe('kv', () => {
    it('sets, gets and deletes', async () => {
      expect(await kv().get('a')).toBeUndefined();
      expect(await kv().set('a', 'one')).toBe(true);
      expect(await kv().get('a')).toBe('one');
      expect(await kv().set('a', 'two')).toBe(true);
      expect(await kv().get('a')).toBe('two');
      expect(await kv().set('a', 'three', { ifAbsent: true })).toBe(false);
      expect(await kv().get('a')).toBe('two');
      await kv().delete('a');
      await kv().delete('never-set');
      expect(await kv().get('a')).toBeUndefined();
      expect(await kv().set('a', 'four', { ifAbsent: true })).toBe(true);
      expect(await kv().get('a')).toBe('four');
    });

    it('lets exactly one of many racing ifAbsent sets win', async () => {
      const wins = await Promise.all(
        Array.from({ length: 12 }, (_, i) => kv().set('ticket', `v${i}`, { ifAbsent: true, ttlMs: 60_000 })),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await kv().get('ticket')).toBe(`v${wins.indexOf(true)}`);
    });

    it('forgets a value when its TTL runs out, and ifAbsent may then take the key', async () => {
      const check = async (store: typeof ctx.store, pass: () => Promise<void>) => {
        const s = part(store, 'kv');
        await s.set('short', 'x', { ttlMs: ctx.ttl });
        await s.set('long', 'y', { ttlMs: 3_600_000 });
        await s.set('forever', 'z');
        expect(await s.get('short')).toBe('x');
        await pass();
        expect(await s.get('short')).toBeUndefined();
        expect(await s.get('long')).toBe('y');
        expect(await s.get('forever')).toBe('z');
        expect(await s.set('short', 'again', { ifAbsent: true })).toBe(true);
        expect(await s.get('short')).toBe('again');
      };
      const make = ctx.options.createWithClock;
      if (!make) return check(ctx.store, ctx.expire);
      const clock = fakeClock();
      await withExtraStore(
        ctx,
        () => make(clock.now),
        (store) => check(store, async () => clock.advance(ctx.ttl)),
      );
    });

    const twin = ctx.options.twin;
    if (twin)
      it('lets exactly one ifAbsent win across two instances on the same data', async () => {
        await withExtraStore(
          ctx,
          () => twin(ctx.store),
          async (other) => {
            const stores = [kv(), part(other, 'kv')];
            const wins = await Promise.all(
              Array.from({ length: 8 }, (_, i) => stores[i % 2]!.set('shared', `v${i}`, { ifAbsent: true })),
            );
            expect(wins.filter(Boolean)).toHaveLength(1);
            expect(await part(other, 'kv').get('shared')).toBe(`v${wins.indexOf(true)}`);
          },
          false,
        );
      });
  });
}
