import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** Tells the request path whether the inbox holds more than `maxPending` items, without a store call per request. */
export interface PendingGuard {
  /** True while the inbox is over the limit (as last counted, plus what this process enqueued since). */
  over(): boolean;
  /** This process enqueued one more. */
  added(): void;
}

const RECOUNT_MS = 250;

/**
 * Bounds the inbox (`maxPending`): a flood cannot exhaust memory or disk, because past the limit the gateway answers
 * 503 and the platform retries later. The count comes from `store.inbox.stats()` at most every 250 ms, in the
 * background (the ack path never waits for it); requests this process takes in between are added to it.
 *
 * @example
 * const guard = createPendingGuard(store, 10_000, logger, Date.now);
 * if (guard.over()) return jsonReply(503, { error: 'inbox full, retry later' });
 */
export function createPendingGuard(store: Store, maxPending: number, logger: Logger, now: () => number): PendingGuard {
  let counted = 0;
  let since = 0;
  let countedAt = Number.NEGATIVE_INFINITY;
  let counting = false;

  const recount = (): void => {
    if (counting || now() - countedAt < RECOUNT_MS) return;
    counting = true;
    const startedAt = now();
    store.inbox
      .stats()
      .then(
        (stats) => {
          counted = stats.pending + stats.leased;
          since = 0;
          countedAt = startedAt;
        },
        (err: unknown) => logger.warn({ err }, 'could not count the inbox for maxPending: keeping the last count'),
      )
      .finally(() => {
        counting = false;
      });
  };

  return {
    over() {
      recount();
      return counted + since >= maxPending;
    },
    added() {
      since += 1;
    },
  };
}
