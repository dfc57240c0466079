import { queueKeyList, rows } from './redis-inbox.js';
import type { OutboxKeys } from './redis-keys.js';
import { FINISHED } from './redis-outbox-scripts.js';
import { ERASE_ITEM } from './redis-privacy-scripts.js';
import { type RedisScriptClient, runScript } from './redis-script.js';

/** How many rows one sweep removed (the Redis server expires claims, locks, messages and idle logs itself). */
export interface RedisPruneResult {
  /** Finished outbox jobs (done, failed, skipped) older than the message retention. */
  outboxJobs: number;
}

const PAGE = 500;

/**
 * Removes finished outbox jobs created more than `keepMs` ago, as `sqliteStore`'s sweep does: a broadcast's
 * report keeps its outcomes for the message retention, and then they go. Queued jobs stay however old they are:
 * only an outcome expires, never a send that is still owed.
 */
export function createRedisPruner(
  client: () => Promise<RedisScriptClient>,
  keys: OutboxKeys,
  keepMs: number,
): () => Promise<RedisPruneResult> {
  const list = queueKeyList(keys);
  return async () => {
    const cutoff = Date.now() - keepMs;
    let outboxJobs = 0;
    for (let start = 0; ; start += PAGE) {
      const page = rows(await runScript(await client(), FINISHED, list, [start, start + PAGE - 1]), 2);
      let removedHere = 0;
      for (const [id, json] of page) {
        const job = json === '' ? undefined : (JSON.parse(String(json)) as { batch: string; createdAt: number });
        if (job !== undefined && job.createdAt >= cutoff) continue;
        const batchKey = job === undefined ? [] : [keys.batch(job.batch)];
        const removed = Number(await runScript(await client(), ERASE_ITEM, [...list, ...batchKey], [String(id)]));
        if (removed > 0) outboxJobs += 1;
        removedHere += 1;
      }
      if (page.length < PAGE) break;
      // The removed ones no longer take places in the set: read on from where the kept ones end.
      start -= removedHere;
    }
    return { outboxJobs };
  };
}

/** Runs `prune` every `everyMs` on an unref'd timer; a failed sweep goes to `onError`. Returns the stop function. */
export function scheduleRedisPruning(
  prune: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    prune().catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
