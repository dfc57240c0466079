import { describe, expect, it } from 'vitest';
import { batchWhileBusy } from './postgres-batcher.js';

/** A statement that runs until `finish` is called: what a busy database looks like to the batcher. */
function slowStatements() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const runAll = (items: number[]) =>
    new Promise<number[]>((resolve) => {
      batches.push(items);
      pending.push(() => resolve(items.map((n) => n * 10)));
    });
  const finishOne = () => pending.shift()?.();
  return { batches, runAll, finishOne };
}

/** A few turns of the event loop: enough for every flush the batcher scheduled to start. */
const turns = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('batchWhileBusy', () => {
  it('runs the calls of one turn as one batch and hands each caller its own result', async () => {
    const batches: number[][] = [];
    const run = batchWhileBusy(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    expect(await Promise.all([run(1), run(2), run(3)])).toEqual([10, 20, 30]);
    expect(await run(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('while `inFlight` statements run, gathers every later call into the next batch', async () => {
    const s = slowStatements();
    const run = batchWhileBusy(s.runAll, { inFlight: 1 });
    const first = run(1);
    await turns();
    const later = [run(2), run(3)];
    await turns();
    const last = run(4);
    await turns();
    expect(s.batches, 'nothing starts while the first statement runs').toEqual([[1]]);
    s.finishOne();
    expect(await first).toBe(10);
    await turns();
    expect(s.batches).toEqual([[1], [2, 3, 4]]);
    s.finishOne();
    expect(await Promise.all([...later, last])).toEqual([20, 30, 40]);
  });

  it('splits a backlog into batches of at most `maxBatch`', async () => {
    const s = slowStatements();
    const run = batchWhileBusy(s.runAll, { inFlight: 2, maxBatch: 2 });
    const results = Promise.all([1, 2, 3, 4, 5].map((n) => run(n)));
    await turns();
    expect(s.batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    s.finishOne();
    await turns();
    expect(s.batches).toEqual([[1, 2], [3, 4], [5]]);
    s.finishOne();
    s.finishOne();
    expect(await results).toEqual([10, 20, 30, 40, 50]);
  });

  it('rejects every caller of a batch whose statement failed, and starts the next batch afresh', async () => {
    let fail = true;
    const run = batchWhileBusy(async (items: string[]) => {
      if (fail) throw new Error('connection refused');
      return items;
    });
    const results = await Promise.allSettled([run('a'), run('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await run('c')).toBe('c');
  });
});
