import { describe, expect, it } from 'vitest';
import { OTHER_REF, REF, type StoreCaseContext } from './store-suite-context.js';

/** The per-conversation log: gap-free `seq` from 1, reads after a seq and up to a limit. */
export function logCases(ctx: StoreCaseContext): void {
  const log = () => ctx.store.log;
  const seqOf = async (p: Promise<{ entry: { seq: number } }>) => (await p).entry.seq;

  describe('log', () => {
    it('numbers entries from 1 per conversation', async () => {
      expect(await seqOf(log().append(REF, { at: 1, kind: 'in', data: { text: 'hi' } }))).toBe(1);
      expect(await seqOf(log().append(REF, { at: 2, kind: 'out', data: { text: 'hello' } }))).toBe(2);
      expect(await seqOf(log().append(OTHER_REF, { at: 3, kind: 'in', data: null }))).toBe(1);
      expect(await seqOf(log().append(REF, { at: 4, kind: 'in', data: [1, 'ü'] }))).toBe(3);
    });

    it('reads entries in order, after a seq and up to a limit', async () => {
      for (let i = 1; i <= 4; i++)
        await log().append(REF, { at: i * 10, kind: `k${i}`, data: { i, nested: { ok: true } } });
      const all = await log().read(REF);
      expect(all).toEqual(
        [1, 2, 3, 4].map((i) => ({ seq: i, at: i * 10, kind: `k${i}`, data: { i, nested: { ok: true } } })),
      );
      expect((await log().read(REF, { after: 2 })).map((e) => e.seq)).toEqual([3, 4]);
      expect((await log().read(REF, { after: 1, limit: 2 })).map((e) => e.seq)).toEqual([2, 3]);
      expect(await log().read(REF, { after: 4 })).toEqual([]);
    });

    it('reads nothing for a conversation without entries', async () => {
      await log().append(REF, { at: 1, kind: 'in', data: {} });
      expect(await log().read(OTHER_REF)).toEqual([]);
    });

    it('stays gap-free under concurrent appends', async () => {
      const seqs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => seqOf(log().append(REF, { at: i, kind: 'in', data: i }))),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await log().read(REF)).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });
}
