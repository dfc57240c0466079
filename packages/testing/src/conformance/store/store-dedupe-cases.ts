import { describe, expect, it } from 'vitest';
import type { StoreCaseContext } from './store-suite-context.js';

const LONG = 60_000;

/** Dedupe claims: once per key, complete keeps it known, release frees it, tokens guard both, TTLs expire. */
export function dedupeCases(ctx: StoreCaseContext): void {
  const dedupe = () => ctx.store.dedupe;

  describe('dedupe', () => {
    it('gives a claim once per key', async () => {
      const token = await dedupe().claim('wamid.1', LONG);
      expect(typeof token).toBe('string');
      expect(await dedupe().claim('wamid.1', LONG)).toBeNull();
      expect(typeof (await dedupe().claim('wamid.2', LONG))).toBe('string');
    });

    it('keeps a completed key known', async () => {
      const token = await dedupe().claim('wamid.1', LONG);
      await dedupe().complete('wamid.1', token!, LONG);
      expect(await dedupe().claim('wamid.1', LONG)).toBeNull();
    });

    it('tells a completed key from one that is only claimed', async () => {
      expect(await dedupe().isDone('wamid.1'), 'a free key').toBe(false);
      const token = await dedupe().claim('wamid.1', LONG);
      expect(await dedupe().isDone('wamid.1'), 'a claimed key').toBe(false);
      await dedupe().complete('wamid.1', token!, ctx.ttl);
      expect(await dedupe().isDone('wamid.1'), 'a completed key').toBe(true);
      await ctx.expire();
      expect(await dedupe().isDone('wamid.1'), 'a completed key after its TTL').toBe(false);
      const released = await dedupe().claim('wamid.2', LONG);
      await dedupe().release('wamid.2', released!);
      expect(await dedupe().isDone('wamid.2'), 'a released key').toBe(false);
    });

    it('lets a released key be claimed again', async () => {
      const token = await dedupe().claim('wamid.1', LONG);
      await dedupe().release('wamid.1', token!);
      const again = await dedupe().claim('wamid.1', LONG);
      expect(typeof again).toBe('string');
    });

    it('ignores a release with a token that is not the claim', async () => {
      await dedupe().claim('wamid.1', LONG);
      await dedupe().release('wamid.1', 'not-the-token');
      expect(await dedupe().claim('wamid.1', LONG)).toBeNull();
    });

    it('lets a claim expire after its TTL; the stale token then releases nothing', async () => {
      const stale = await dedupe().claim('wamid.1', ctx.ttl);
      await ctx.expire();
      const fresh = await dedupe().claim('wamid.1', LONG);
      expect(typeof fresh).toBe('string');
      await dedupe().release('wamid.1', stale!);
      expect(await dedupe().claim('wamid.1', LONG), 'the fresh claim still holds').toBeNull();
    });

    it('forgets a completed key after the completion TTL', async () => {
      const token = await dedupe().claim('wamid.1', LONG);
      await dedupe().complete('wamid.1', token!, ctx.ttl);
      expect(await dedupe().claim('wamid.1', LONG)).toBeNull();
      await ctx.expire();
      expect(typeof (await dedupe().claim('wamid.1', LONG))).toBe('string');
    });
  });
}
