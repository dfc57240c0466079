import { join } from 'node:path';
import type { StoreSpec } from './child-config.js';
import { handledCounts, startGatewayChild, waitUntil } from './children.js';
import { inboxDrained, tally } from './inbox-drained.js';
import { openStore } from './open-store.js';
import { post, signedWebhooks } from './webhooks.js';

/** What the two-gateways-on-one-store scenario saw. */
export interface PairResult {
  posted: number;
  /** Ids acknowledged (200) by at least one of the two gateways. */
  acked: string[];
  /** Ids acknowledged by the gateway that was killed (when one was). */
  ackedByKilled: number;
  /** Of those, the ones sent to the killed gateway only: only the survivor's reclaiming can handle them. */
  ackedOnlyByKilled: number;
  /** Handled per process: [first, second]. */
  handledBy: [number, number];
  lost: string[];
  duplicates: string[];
  drained: boolean;
}

/**
 * Two gateway processes on one shared store (a Redis key prefix, a PostgreSQL schema); every webhook goes to both at the same time (a platform retrying
 * into another instance). With `killAt`, the first process is killed with SIGKILL after that many webhooks, and the
 * rest go to the survivor, which must reclaim what the dead one had leased once its lease runs out. The `soloBeforeKill`
 * webhooks just before the kill go to the first process only, so no copy of them reaches the survivor's inbox.
 */
export async function runPair(o: {
  store: StoreSpec;
  dir: string;
  messages: number;
  handlerMs: number;
  leaseMs: number;
  killAt?: number;
  soloBeforeKill?: number;
  timeoutMs?: number;
}): Promise<PairResult> {
  const files = [join(o.dir, 'handled-a.txt'), join(o.dir, 'handled-b.txt')];
  const common = { store: o.store, handlerMs: o.handlerMs, leaseMs: o.leaseMs };
  const a = await startGatewayChild({ ...common, handledFile: files[0]! });
  const b = await startGatewayChild({ ...common, handledFile: files[1]! });
  const observer = await openStore(o.store);
  const timeoutMs = o.timeoutMs ?? 60_000;
  try {
    const hooks = signedWebhooks(o.messages);
    const acked = new Set<string>();
    let ackedByKilled = 0;
    let ackedOnlyByKilled = 0;
    const soloFrom = o.killAt === undefined ? Number.POSITIVE_INFINITY : o.killAt - (o.soloBeforeKill ?? 0);
    let killed = false;
    let next = 0;
    const lane = async () => {
      while (next < hooks.length) {
        const i = next++;
        if (o.killAt !== undefined && i >= o.killAt && !killed) {
          killed = true;
          await a.kill9();
        }
        const hook = hooks[i]!;
        const solo = i >= soloFrom && !killed;
        const [byA, byB] = await Promise.all([post(a.webhookUrl, hook), solo ? false : post(b.webhookUrl, hook)]);
        if (byA && o.killAt !== undefined) ackedByKilled += 1;
        if (byA && solo) ackedOnlyByKilled += 1;
        if (byA || byB) acked.add(hook.wamid);
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    const ids = [...acked];
    await waitUntil(() => ids.every((id) => handledCounts(files).has(id)), timeoutMs);
    const drained = await inboxDrained(observer, timeoutMs);
    await Promise.all([a.stop(), b.stop()]);
    const counts = handledCounts(files);
    const handledBy: [number, number] = [
      [...handledCounts([files[0]!]).values()].reduce((s, n) => s + n, 0),
      [...handledCounts([files[1]!]).values()].reduce((s, n) => s + n, 0),
    ];
    return {
      posted: hooks.length,
      acked: ids,
      ackedByKilled,
      ackedOnlyByKilled,
      handledBy,
      ...tally(ids, counts),
      drained,
    };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await observer.close();
  }
}
