import { describe, expect, it } from 'vitest';
import { fakeClock, part, type StoreCaseContext, withExtraStore } from './store-suite-context.js';

// A window long enough that a store on a server clock refills nothing noticeable while a case runs.
const LIMIT = { count: 5, windowMs: 600_000 };

const taken = (waits: number[]) => waits.filter((w) => w === 0).length;

/** Shared rate limits: never more than `count` units at once, a wait that says when, the same across instances. */
export function rateCases(ctx: StoreCaseContext): void {
  const rates = () => part(ctx.store, 'rates');

  describe('rates', () => {
    it('takes at most count units of a window, also when the takes race', async () => {
      const waits = await Promise.all(Array.from({ length: 12 }, () => rates().take('acct', LIMIT)));
      expect(taken(waits)).toBe(LIMIT.count);
      for (const w of waits.filter((x) => x > 0)) expect(w).toBeLessThanOrEqual(LIMIT.windowMs);
      // Another key has its own allowance.
      expect(await rates().take('other', LIMIT)).toBe(0);
    });

    it('refused takes take nothing: the allowance comes back at the steady rate', async () => {
      const make = ctx.options.createWithClock;
      const clock = fakeClock();
      const check = async (store: typeof ctx.store) => {
        const r = part(store, 'rates');
        const limit = { count: 4, windowMs: 1000 };
        for (let i = 0; i < 4; i++) expect(await r.take('k', limit)).toBe(0);
        const wait = await r.take('k', limit);
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(250);
        for (let i = 0; i < 20; i++) expect(await r.take('k', limit)).toBeGreaterThan(0);
        if (!make) return;
        clock.advance(wait);
        expect(await r.take('k', limit)).toBe(0);
        expect(await r.take('k', limit)).toBeGreaterThan(0);
        clock.advance(1000);
        expect(taken(await Promise.all(Array.from({ length: 6 }, () => r.take('k', limit))))).toBe(4);
      };
      if (!make) return check(ctx.store);
      await withExtraStore(ctx, () => make(clock.now), check);
    });

    const twin = ctx.options.twin;
    if (twin) {
      it('shares one allowance between two instances on the same data', async () => {
        await withExtraStore(
          ctx,
          () => twin(ctx.store),
          async (other) => {
            const both = [rates(), part(other, 'rates')];
            const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => both[i % 2]!.take('shared', LIMIT)));
            expect(taken(waits)).toBe(LIMIT.count);
          },
          false,
        );
      });
    }
  });
}
