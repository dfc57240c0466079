import { describe, expect, it } from 'vitest';
import { memoryOutbox } from './memory-outbox.js';

const entry = (batch: string, n: number) => ({ batch, payload: `job ${n}`, createdAt: 0 });

describe('memoryOutbox counts', () => {
  it('follow each job through finish and erase, per batch', async () => {
    const outbox = memoryOutbox(() => 0);
    await outbox.enqueue([entry('b1', 1), entry('b1', 2), entry('b1', 3), entry('b2', 4)]);
    const [first, second] = await outbox.lease({ limit: 2, leaseMs: 1000 });
    await outbox.finish(first!.id, first!.token, { status: 'done', detail: 'sent' });
    await outbox.finish(second!.id, second!.token, { status: 'failed', detail: 'no' });
    expect(await outbox.counts('b1')).toEqual({ queued: 1, done: 1, failed: 1, 'skipped-no-consent': 0 });
    expect(outbox.erase((job) => job.batch === 'b1' && job.state !== 'failed')).toBe(2);
    expect(await outbox.counts('b1')).toEqual({ queued: 0, done: 0, failed: 1, 'skipped-no-consent': 0 });
    expect(await outbox.counts('b2')).toEqual({ queued: 1, done: 0, failed: 0, 'skipped-no-consent': 0 });
    expect(outbox.erase((job) => job.batch === 'b1')).toBe(1);
    expect(await outbox.counts('b1')).toEqual({ queued: 0, done: 0, failed: 0, 'skipped-no-consent': 0 });
  });
});
