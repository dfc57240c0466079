import { describe, expect, it, vi } from 'vitest';
import { part, type StoreCaseContext, withExtraStore } from './store-suite-context.js';

/** Pub/sub: delivery per topic, unsubscribe, and across instances where the store shares it. */
export function pubsubCases(ctx: StoreCaseContext): void {
  const pubsub = () => part(ctx.store, 'pubsub');
  const inbox = () => {
    const got: string[] = [];
    return { got, listener: (m: string) => void got.push(m) };
  };

  describe('pubsub', () => {
    it('delivers a topic’s messages to its subscribers only, in order', async () => {
      const a = inbox();
      const b = inbox();
      const other = inbox();
      await pubsub().subscribe('t1', a.listener);
      await pubsub().subscribe('t1', b.listener);
      await pubsub().subscribe('t2', other.listener);
      for (const m of ['one', 'two', 'three']) await pubsub().publish('t1', m);
      await vi.waitFor(() => expect(b.got).toHaveLength(3), { timeout: 5000 });
      await vi.waitFor(() => expect(a.got).toEqual(['one', 'two', 'three']), { timeout: 5000 });
      expect(b.got).toEqual(['one', 'two', 'three']);
      expect(other.got).toEqual([]);
    });

    it('stops delivering after unsubscribe, to that subscription only', async () => {
      const gone = inbox();
      const stays = inbox();
      const stop = await pubsub().subscribe('t', gone.listener);
      await pubsub().subscribe('t', stays.listener);
      await pubsub().publish('t', 'before');
      await vi.waitFor(() => expect(gone.got).toEqual(['before']), { timeout: 5000 });
      await stop();
      await pubsub().publish('t', 'after');
      await vi.waitFor(() => expect(stays.got).toEqual(['before', 'after']), { timeout: 5000 });
      expect(gone.got).toEqual(['before']);
    });

    it('keeps delivering to the others when a listener throws', async () => {
      const ok = inbox();
      await pubsub().subscribe('t', () => {
        throw new Error('listener bug');
      });
      await pubsub().subscribe('t', ok.listener);
      await pubsub().publish('t', 'm');
      await vi.waitFor(() => expect(ok.got).toEqual(['m']), { timeout: 5000 });
    });

    const twin = ctx.options.twin;
    if (twin && ctx.options.sharedPubSub) {
      it('delivers between two instances on the same data', async () => {
        await withExtraStore(
          ctx,
          () => twin(ctx.store),
          async (other) => {
            const here = inbox();
            const there = inbox();
            await pubsub().subscribe('fan-out', here.listener);
            await part(other, 'pubsub').subscribe('fan-out', there.listener);
            await part(other, 'pubsub').publish('fan-out', 'from B');
            await pubsub().publish('fan-out', 'from A');
            await vi.waitFor(() => expect(here.got.sort()).toEqual(['from A', 'from B']), { timeout: 5000 });
            await vi.waitFor(() => expect(there.got.sort()).toEqual(['from A', 'from B']), { timeout: 5000 });
          },
          false,
        );
      });
    }
  });
}
