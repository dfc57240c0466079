import { join } from 'node:path';
import type { StoreSpec } from './child-config.js';
import { handledCounts, startGatewayChild, waitUntil } from './children.js';
import { inboxDrained, tally } from './inbox-drained.js';
import { openStore } from './open-store.js';
import { postAll, signedWebhooks } from './webhooks.js';

/** What the kill -9 scenario saw. */
export interface KillResult {
  posted: number;
  /** Webhooks answered 200 before the kill. */
  acked: string[];
  /** Acknowledged but not yet handled when the process was killed. */
  queuedAtKill: number;
  /** Acknowledged ids never handled, after the restart finished. */
  lost: string[];
  /** Ids handled more than once (only an event cut off between its handler and its completion may be). */
  duplicates: string[];
  /** Ids handled again when every webhook was delivered a second time after completion (must be none). */
  handledAgainOnRedelivery: string[];
  drained: boolean;
}

/** Options of {@link runKill}. */
export interface KillOptions {
  /** Where the handled-ids file goes. */
  dir: string;
  /** The durable store both gateway processes open, one after the other. */
  store: StoreSpec;
  messages: number;
  handlerMs: number;
  concurrency?: number;
  /** The killed process's leases must run out before the restarted one takes its items again. Default 2000. */
  leaseMs?: number;
  timeoutMs?: number;
}

/**
 * Starts a gateway on a durable store with slow handlers, acknowledges `messages` webhooks, kills it with SIGKILL
 * while most are still queued, restarts it on the same store, waits until the inbox is empty, then delivers every
 * webhook again (as a platform retry would) and checks that nothing is handled twice.
 */
export async function runKill(o: KillOptions): Promise<KillResult> {
  const handledFile = join(o.dir, 'handled.txt');
  const timeoutMs = o.timeoutMs ?? 60_000;
  const base = { store: o.store, handledFile, concurrency: o.concurrency, leaseMs: o.leaseMs ?? 2000 };
  const hooks = signedWebhooks(o.messages);

  const first = await startGatewayChild({ ...base, handlerMs: o.handlerMs });
  const acked = await postAll(first.webhookUrl, hooks);
  await first.kill9();
  const queuedAtKill = acked.filter((id) => !handledCounts([handledFile]).has(id)).length;

  const second = await startGatewayChild({ ...base, handlerMs: 1 });
  const observer = await openStore(o.store);
  try {
    await waitUntil(() => acked.every((id) => handledCounts([handledFile]).has(id)), timeoutMs);
    let drained = await inboxDrained(observer, timeoutMs);
    const before = handledCounts([handledFile]);
    await postAll(second.webhookUrl, hooks);
    drained = drained && (await inboxDrained(observer, timeoutMs));
    await second.stop();
    const after = handledCounts([handledFile]);
    const handledAgainOnRedelivery = [...after].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id);
    return { posted: hooks.length, acked, queuedAtKill, ...tally(acked, after), handledAgainOnRedelivery, drained };
  } finally {
    await second.stop();
    await observer.close();
  }
}
