import { describe, expect, it } from 'vitest';
import { bytesOf, entry, type StoreCaseContext, settle } from './store-suite-context.js';

const LONG = 60_000;

/** The inbox: enqueue / lease / ack, retries, dead letters, replay, stats, lease expiry and stale tokens. */
export function inboxCases(ctx: StoreCaseContext): void {
  const lease = (limit = 10, leaseMs = LONG) => ctx.store.inbox.lease({ limit, leaseMs });

  describe('inbox', () => {
    it('hands out an enqueued entry exactly as given, raw bytes included', async () => {
      const given = entry('a');
      const id = await ctx.store.inbox.enqueue(given);
      expect(typeof id).toBe('string');
      const [item, ...rest] = await lease();
      expect(rest).toEqual([]);
      expect(item).toMatchObject({ id, attempts: 0, channel: given.channel, receivedAt: given.receivedAt });
      expect(typeof item?.token).toBe('string');
      const { body, ...request } = item?.request ?? given.request;
      const { body: givenBody, ...givenRequest } = given.request;
      expect(request).toEqual(givenRequest);
      expect(bytesOf(body)).toEqual(bytesOf(givenBody));
    });

    it('leases at most `limit` items, oldest first, each to one holder', async () => {
      const ids = [];
      for (const tag of ['a', 'b', 'c']) ids.push(await ctx.store.inbox.enqueue(entry(tag)));
      expect((await lease(2)).map((i) => i.id)).toEqual(ids.slice(0, 2));
      expect((await lease(2)).map((i) => i.id)).toEqual(ids.slice(2));
      expect(await lease(2)).toEqual([]);
    });

    it('gives every enqueued entry its own id, also when enqueued concurrently', async () => {
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.store.inbox.enqueue(entry(`e${i}`))));
      expect(new Set(ids).size).toBe(20);
      expect((await lease(50)).map((i) => i.id).sort()).toEqual([...ids].sort());
    });

    it('counts pending, leased and dead items', async () => {
      await ctx.store.inbox.enqueue(entry('a'));
      await ctx.store.inbox.enqueue(entry('b'));
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 2, leased: 0, dead: 0 });
      const [item] = await lease(1);
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 1, leased: 1, dead: 0 });
      await ctx.store.inbox.deadLetter(item!.id, item!.token, { error: 'boom', failedEvents: [] });
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 1, leased: 0, dead: 1 });
    });

    it('removes an acked item for good, and only with the right token', async () => {
      await ctx.store.inbox.enqueue(entry('a'));
      const [item] = await lease();
      await settle(() => ctx.store.inbox.ack(item!.id, 'not-the-token'));
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
      await ctx.store.inbox.ack(item!.id, item!.token);
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
      expect(await lease()).toEqual([]);
    });

    it('makes a retried item due again after its delay, with attempts raised', async () => {
      const id = await ctx.store.inbox.enqueue(entry('a'));
      const [item] = await lease();
      await ctx.store.inbox.retry(id, item!.token, { delayMs: ctx.ttl, error: 'handler failed' });
      expect(await lease(), 'not due before the delay').toEqual([]);
      expect(await ctx.store.inbox.stats()).toMatchObject({ leased: 0, dead: 0 });
      await ctx.expire();
      const [again] = await lease();
      expect(again).toMatchObject({ id, attempts: 1 });
      expect(bytesOf(again!.request.body)).toEqual(bytesOf(entry('a').request.body));
    });

    it('makes an item retried without delay due at once', async () => {
      const id = await ctx.store.inbox.enqueue(entry('a'));
      const [item] = await lease();
      await ctx.store.inbox.retry(id, item!.token, { delayMs: 0, error: 'handler failed' });
      expect(await lease()).toMatchObject([{ id, attempts: 1 }]);
    });

    it('keeps a dead letter with its exact bytes, error and failed events', async () => {
      const given = entry('dead');
      const id = await ctx.store.inbox.enqueue(given);
      const [item] = await lease();
      await ctx.store.inbox.deadLetter(id, item!.token, { error: 'parse failed: boom', failedEvents: ['wamid.1'] });
      expect(await lease()).toEqual([]);
      const [dead, ...rest] = await ctx.store.inbox.deadLetters();
      expect(rest).toEqual([]);
      expect(dead).toMatchObject({ id, channel: 'whatsapp', error: 'parse failed: boom', failedEvents: ['wamid.1'] });
      expect(dead?.receivedAt).toBe(given.receivedAt);
      expect(typeof dead?.failedAt).toBe('number');
      expect(typeof dead?.attempts).toBe('number');
      expect(dead?.request.headers).toEqual(given.request.headers);
      expect(bytesOf(dead!.request.body)).toEqual(bytesOf(given.request.body));
    });

    it('lists dead letters oldest first, up to `limit`', async () => {
      const ids = [];
      for (const tag of ['a', 'b', 'c']) {
        const id = await ctx.store.inbox.enqueue(entry(tag));
        const [item] = await lease(1);
        await ctx.store.inbox.deadLetter(id, item!.token, { error: tag, failedEvents: [] });
        ids.push(id);
      }
      expect((await ctx.store.inbox.deadLetters()).map((d) => d.id)).toEqual(ids);
      expect((await ctx.store.inbox.deadLetters({ limit: 2 })).map((d) => d.id)).toEqual(ids.slice(0, 2));
    });

    it('replays a dead letter with attempts reset; unknown ids answer false', async () => {
      const id = await ctx.store.inbox.enqueue(entry('r'));
      const [item] = await lease();
      await ctx.store.inbox.retry(id, item!.token, { delayMs: 0, error: 'once' });
      const [second] = await lease();
      await ctx.store.inbox.deadLetter(id, second!.token, { error: 'twice', failedEvents: [] });
      expect(await ctx.store.inbox.replay(id)).toBe(true);
      expect(await ctx.store.inbox.replay(id)).toBe(false);
      expect(await ctx.store.inbox.replay('no-such-item')).toBe(false);
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 1, leased: 0, dead: 0 });
      const [replayed] = await lease();
      expect(replayed).toMatchObject({ id, attempts: 0 });
      expect(bytesOf(replayed!.request.body)).toEqual(bytesOf(entry('r').request.body));
    });

    it('extends a lease for its holder only', async () => {
      const id = await ctx.store.inbox.enqueue(entry('a'));
      const [item] = await lease(1, ctx.ttl);
      expect(await ctx.store.inbox.extend(id, 'not-the-token', LONG)).toBe(false);
      expect(await ctx.store.inbox.extend(id, item!.token, LONG)).toBe(true);
      await ctx.expire();
      expect(await lease(), 'an extended lease is still held').toEqual([]);
    });

    it('releases an expired lease to the next worker and refuses the stale token', async () => {
      const id = await ctx.store.inbox.enqueue(entry('a'));
      const [first] = await lease(1, ctx.ttl);
      await ctx.expire();
      const [second] = await lease();
      expect(second).toMatchObject({ id, attempts: 1 });
      expect(second!.token).not.toBe(first!.token);
      const stale = first!.token;
      expect(await ctx.store.inbox.extend(id, stale, LONG)).toBe(false);
      await settle(() => ctx.store.inbox.ack(id, stale));
      await settle(() => ctx.store.inbox.retry(id, stale, { delayMs: 0, error: 'stale' }));
      await settle(() => ctx.store.inbox.deadLetter(id, stale, { error: 'stale', failedEvents: [] }));
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
      expect(await lease()).toEqual([]);
      await ctx.store.inbox.ack(id, second!.token);
      expect(await ctx.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
    });
  });
}
