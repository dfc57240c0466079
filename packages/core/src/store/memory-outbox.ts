import { memoryQueue } from './memory-queue.js';
import type { OutboxEntry, OutboxJobRecord, OutboxJobStatus, OutboxStore } from './store.js';

/** The memory outbox with what the privacy part needs. */
export interface ErasableOutbox extends OutboxStore {
  /** Jobs (queued or finished) that `match`. */
  find(match: (job: OutboxJobRecord) => boolean): OutboxJobRecord[];
  /** Removes them; answers how many went. */
  erase(match: (job: OutboxJobRecord) => boolean): number;
}

/**
 * The outbox of {@link memoryStore}: the same {@link memoryQueue} as the inbox for jobs in flight, and a record per
 * job (kept after it finished) so a batch can report per recipient.
 */
export function memoryOutbox(now: () => number): ErasableOutbox {
  const queue = memoryQueue<OutboxEntry>(now);
  const records = new Map<string, OutboxJobRecord>();
  const batches = new Map<string, string[]>();
  // Erased jobs still in the queue (which has no removal by id): the next lease drops them.
  const erased = new Set<string>();
  // Each batch's jobs by state, kept as they change: `counts` answers without walking the batch (an outbox
  // listener asks after every job, which would make a large broadcast quadratic).
  const tallies = new Map<string, Record<'queued' | OutboxJobStatus, number>>();
  const tally = (batch: string, state: 'queued' | OutboxJobStatus, by: number) => {
    let t = tallies.get(batch);
    if (!t) {
      t = { queued: 0, done: 0, failed: 0, 'skipped-no-consent': 0 };
      tallies.set(batch, t);
    }
    t[state] += by;
  };
  let seq = 0;

  const recordOf = (id: string): OutboxJobRecord | undefined => {
    const record = records.get(id);
    if (!record) return undefined;
    // While queued, the attempt count lives in the queue.
    const attempts = record.state === 'queued' ? (queue.peekAttempts(id) ?? record.attempts) : record.attempts;
    return { ...record, attempts };
  };

  return {
    async enqueue(entries) {
      return entries.map((entry) => {
        seq += 1;
        const id = `job-${seq}`;
        queue.put(id, { ...entry });
        records.set(id, { ...entry, id, attempts: 0, state: 'queued' });
        tally(entry.batch, 'queued', 1);
        const list = batches.get(entry.batch) ?? [];
        list.push(id);
        batches.set(entry.batch, list);
        return id;
      });
    },
    async lease({ limit, leaseMs }) {
      return queue.lease(limit, leaseMs).flatMap(({ item, token, attempts }) => {
        if (!erased.delete(item.id)) return [{ ...item.value, id: item.id, token, attempts }];
        queue.take(item.id, token);
        return [];
      });
    },
    async extend(id, token, leaseMs) {
      return queue.extend(id, token, leaseMs);
    },
    async retry(id, token, { delayMs }) {
      queue.retry(id, token, delayMs);
    },
    async finish(id, token, outcome) {
      const item = queue.take(id, token);
      const record = records.get(id);
      if (item && !record) erased.delete(id);
      if (!item || !record) return false;
      records.set(id, { ...record, attempts: item.attempts, state: outcome.status, detail: outcome.detail });
      tally(record.batch, record.state, -1);
      tally(record.batch, outcome.status, 1);
      return true;
    },
    async batch(batch) {
      return (batches.get(batch) ?? []).flatMap((id) => recordOf(id) ?? []);
    },
    async counts(batch) {
      return { queued: 0, done: 0, failed: 0, 'skipped-no-consent': 0, ...tallies.get(batch) };
    },
    async stats() {
      const counts = queue.counts();
      const ghosts = erased.size;
      return {
        ...counts,
        pending: Math.max(0, counts.pending - ghosts),
        finished: records.size - queue.size() + ghosts,
      };
    },
    find(match) {
      return [...records.keys()].flatMap((id) => {
        const record = recordOf(id);
        return record && match(record) ? [record] : [];
      });
    },
    erase(match) {
      let count = 0;
      for (const [id, record] of records) {
        if (!match(record)) continue;
        records.delete(id);
        tally(record.batch, record.state, -1);
        if (record.state === 'queued') erased.add(id);
        const list = batches.get(record.batch)?.filter((j) => j !== id) ?? [];
        if (list.length === 0) {
          batches.delete(record.batch);
          tallies.delete(record.batch);
        } else batches.set(record.batch, list);
        count += 1;
      }
      return count;
    },
  };
}
