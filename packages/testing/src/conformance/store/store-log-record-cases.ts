import { describe, expect, it } from 'vitest';
import { OTHER_REF, REF, type StoreCaseContext } from './store-suite-context.js';

/** The log as the web chat and the record use it: idempotent appends, paging both ways, heads, the listing. */
export function logRecordCases(ctx: StoreCaseContext): void {
  const log = () => ctx.store.log;
  const fill = async (n: number, ref = REF, at = (i: number) => i * 10) => {
    for (let i = 1; i <= n; i++) await log().append(ref, { at: at(i), kind: 'in', data: { i } });
  };
  const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);

  describe('log (record)', () => {
    it('stores one entry per idempotency key and answers it on a retry', async () => {
      const first = await log().append(REF, { at: 1, kind: 'message', data: { text: 'hi' }, key: 'c-1' });
      expect(first).toEqual({
        created: true,
        entry: { seq: 1, at: 1, kind: 'message', data: { text: 'hi' }, key: 'c-1' },
      });
      await log().append(REF, { at: 2, kind: 'message', data: { text: 'other' } });
      const again = await log().append(REF, { at: 3, kind: 'message', data: { text: 'changed' }, key: 'c-1' });
      expect(again).toEqual({ created: false, entry: first.entry });
      expect(await log().byKey(REF, 'c-1')).toEqual(first.entry);
      expect(await log().byKey(REF, 'c-2')).toBeUndefined();
      expect(await log().byKey(OTHER_REF, 'c-1')).toBeUndefined();
      expect(seqs(await log().read(REF))).toEqual([1, 2]);
      // Keys are per conversation.
      expect((await log().append(OTHER_REF, { at: 4, kind: 'message', data: null, key: 'c-1' })).created).toBe(true);
    });

    it('stores one entry when appends with the same key race', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => log().append(REF, { at: i, kind: 'message', data: i, key: 'same' })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const stored = results.find((r) => r.created)!.entry;
      for (const r of results) expect(r.entry).toEqual(stored);
      expect(await log().read(REF)).toEqual([stored]);
      expect(await log().head(REF)).toBe(1);
    });

    it('pages after a seq (oldest first), before a seq (the newest of them) and between both', async () => {
      await fill(10);
      expect(seqs(await log().read(REF, { after: 3, limit: 3 }))).toEqual([4, 5, 6]);
      expect(seqs(await log().read(REF, { before: 8, limit: 3 }))).toEqual([5, 6, 7]);
      expect(seqs(await log().read(REF, { before: 3 }))).toEqual([1, 2]);
      expect(seqs(await log().read(REF, { after: 2, before: 9, limit: 3 }))).toEqual([3, 4, 5]);
      expect(seqs(await log().read(REF, { after: 2, before: 6 }))).toEqual([3, 4, 5]);
      expect(await log().read(REF, { before: 1 })).toEqual([]);
      expect(await log().read(REF, { limit: 0 })).toEqual([]);
      const page = await log().read(REF, { before: 11, limit: 1 });
      expect(page).toEqual([{ seq: 10, at: 100, kind: 'in', data: { i: 10 } }]);
    });

    it('keeps the head and the seq counting after a prune', async () => {
      expect(await log().head(REF)).toBe(0);
      await fill(4);
      expect(await log().prune(25)).toBe(2);
      expect(seqs(await log().read(REF))).toEqual([3, 4]);
      expect(await log().head(REF)).toBe(4);
      expect((await log().append(REF, { at: 50, kind: 'in', data: null })).entry.seq).toBe(5);
      expect(await log().prune(1000)).toBe(3);
      expect(await log().read(REF)).toEqual([]);
      expect(await log().head(REF)).toBe(4 + 1);
      expect(await log().prune(1000)).toBe(0);
    });

    it('forgets a pruned key: the same key then stores a new entry', async () => {
      await log().append(REF, { at: 1, kind: 'message', data: 'old', key: 'k' });
      await log().prune(2);
      expect(await log().byKey(REF, 'k')).toBeUndefined();
      const again = await log().append(REF, { at: 3, kind: 'message', data: 'new', key: 'k' });
      expect(again.created).toBe(true);
      expect(again.entry.seq).toBe(2);
    });

    it('lists conversations by last activity, from updatedSince, a page at a time', async () => {
      const refs = Array.from({ length: 5 }, (_, i) => ({ ...REF, user: `user-${i}` }));
      // Activity times: user-3 at 10, user-1 at 20, user-4 at 30, user-0 at 40, user-2 at 50.
      const times = [40, 20, 50, 10, 30];
      for (const [i, ref] of refs.entries()) await log().append(ref, { at: times[i]!, kind: 'in', data: i });
      await log().append(refs[1]!, { at: 15, kind: 'late', data: null }); // older than its last: no move
      const order = ['user-3', 'user-1', 'user-4', 'user-0', 'user-2'];

      const all = await log().conversations();
      expect(all.items.map((c) => c.ref.user)).toEqual(order);
      expect(all.cursor).toBeUndefined();
      expect(all.items[1]).toEqual({ ref: refs[1], head: 2, updatedAt: 20 });

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await log().conversations({ limit: 2, ...(cursor === undefined ? {} : { cursor }) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.ref.user));
        cursor = page.cursor;
        pages += 1;
      } while (cursor !== undefined && pages < 10);
      expect(seen).toEqual(order);

      const since = await log().conversations({ updatedSince: 30 });
      expect(since.items.map((c) => c.ref.user)).toEqual(['user-4', 'user-0', 'user-2']);
      expect((await log().conversations({ updatedSince: 51 })).items).toEqual([]);
    });

    it('moves a conversation to the end of the listing when its log grows', async () => {
      await log().append(REF, { at: 10, kind: 'in', data: null });
      await log().append(OTHER_REF, { at: 20, kind: 'in', data: null });
      await log().append(REF, { at: 30, kind: 'in', data: null });
      const { items } = await log().conversations();
      expect(items).toEqual([
        { ref: OTHER_REF, head: 1, updatedAt: 20 },
        { ref: REF, head: 2, updatedAt: 30 },
      ]);
    });
  });
}
