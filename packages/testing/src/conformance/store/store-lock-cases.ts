import { describe, expect, it } from 'vitest';
import type { StoreCaseContext } from './store-suite-context.js';

const LONG = 60_000;

/** Locks: exclusive, released and extended by the owner token only, expiring after their TTL. */
export function lockCases(ctx: StoreCaseContext): void {
  const locks = () => ctx.store.locks;

  describe('locks', () => {
    it('is exclusive per key', async () => {
      expect(typeof (await locks().acquire('conv:1', LONG))).toBe('string');
      expect(await locks().acquire('conv:1', LONG)).toBeNull();
      expect(typeof (await locks().acquire('conv:2', LONG))).toBe('string');
    });

    it('is released by its owner token only', async () => {
      const token = await locks().acquire('conv:1', LONG);
      await locks().release('conv:1', 'not-the-token');
      expect(await locks().acquire('conv:1', LONG)).toBeNull();
      await locks().release('conv:1', token!);
      expect(typeof (await locks().acquire('conv:1', LONG))).toBe('string');
    });

    it('is extended by its owner token only, and an extended lock outlives its first TTL', async () => {
      const token = await locks().acquire('conv:1', ctx.ttl);
      expect(await locks().extend('conv:1', 'not-the-token', LONG)).toBe(false);
      expect(await locks().extend('conv:1', token!, LONG)).toBe(true);
      await ctx.expire();
      expect(await locks().acquire('conv:1', LONG)).toBeNull();
    });

    it('expires after its TTL; the stale token then neither extends nor releases', async () => {
      const stale = await locks().acquire('conv:1', ctx.ttl);
      await ctx.expire();
      const fresh = await locks().acquire('conv:1', LONG);
      expect(typeof fresh).toBe('string');
      expect(await locks().extend('conv:1', stale!, LONG)).toBe(false);
      await locks().release('conv:1', stale!);
      expect(await locks().acquire('conv:1', LONG), 'the fresh lock still holds').toBeNull();
    });
  });
}
