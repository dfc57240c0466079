import type { Store } from '../store/store.js';

/** What `gateway.health()` answers. */
export interface GatewayHealth {
  /** The store answered and the workers run (when they were started). */
  ok: boolean;
  store: { name: string; reachable: boolean; error?: string };
  worker: { running: boolean };
  inbox?: { pending: number; leased: number; deadLetters: number };
  outbox?: { pending: number; leased: number; finished: number };
  /** Set when `maxPending` is configured: whether the gateway is answering webhooks with 503 now. */
  overCapacity?: boolean;
}

/** What the health check looks at. */
export interface HealthDeps {
  store: Store;
  running(): boolean;
  overCapacity?: () => boolean;
}

/**
 * Builds `gateway.health()`: the store is asked for its counts (reachable or not, and why), the workers say whether
 * they run. Never throws; `ok` is false when the store cannot answer or the workers were not started.
 *
 * @example
 * const health = createHealth({ store, running: () => started });
 * const report = await health();
 */
export function createHealth(deps: HealthDeps): () => Promise<GatewayHealth> {
  return async () => {
    const worker = { running: deps.running() };
    const overCapacity = deps.overCapacity?.();
    const extra = overCapacity === undefined ? {} : { overCapacity };
    try {
      const [inbox, outbox] = await Promise.all([deps.store.inbox.stats(), deps.store.outbox.stats()]);
      return {
        ok: worker.running,
        store: { name: deps.store.name, reachable: true },
        worker,
        inbox: { pending: inbox.pending, leased: inbox.leased, deadLetters: inbox.dead },
        outbox,
        ...extra,
      };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return { ok: false, store: { name: deps.store.name, reachable: false, error }, worker, ...extra };
    }
  };
}
