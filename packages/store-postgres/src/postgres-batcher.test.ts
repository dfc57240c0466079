import { describe, expect, it } from 'vitest';
import { batchPerTick } from './postgres-batcher.js';

describe('batchPerTick', () => {
  it('runs the calls of one turn as one batch and hands each caller its own result', async () => {
    const batches: number[][] = [];
    const run = batchPerTick(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    expect(await Promise.all([run(1), run(2), run(3)])).toEqual([10, 20, 30]);
    expect(await run(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every caller of a batch whose statement failed, and starts the next batch afresh', async () => {
    let fail = true;
    const run = batchPerTick(async (items: string[]) => {
      if (fail) throw new Error('connection refused');
      return items;
    });
    const results = await Promise.allSettled([run('a'), run('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await run('c')).toBe('c');
  });
});
