import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { STORE_WORK_TOPIC } from '../store/work-topic.js';

/**
 * Wakes this gateway's workers when the store announces new work on {@link STORE_WORK_TOPIC} (a webhook or a send
 * stored by another process on the same store). Without `store.pubsub`, or when subscribing fails, the workers
 * only poll, as before. Answers the unsubscribe.
 */
export async function subscribeWorkWakeups(
  store: Store,
  wake: { inbox(): void; outbox(): void },
  logger: Logger,
): Promise<() => Promise<void>> {
  if (!store.pubsub) return async () => {};
  try {
    const unsubscribe = await store.pubsub.subscribe(STORE_WORK_TOPIC, (queue) => {
      if (queue === 'outbox') wake.outbox();
      else wake.inbox();
    });
    // Closing must not fail (or hang on) a store that went away since: the subscription goes with it.
    return () =>
      Promise.resolve()
        .then(unsubscribe)
        .catch((err: unknown) => logger.warn({ err }, 'could not unsubscribe from work wake-ups; closing anyway'));
  } catch (err) {
    logger.warn({ err }, 'could not subscribe to work wake-ups from the store: the workers poll instead');
    return async () => {};
  }
}
