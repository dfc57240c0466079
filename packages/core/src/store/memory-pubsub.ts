import type { PubSub } from './record-store.js';

/**
 * Pub/sub within one process, for {@link memoryStore} and single-file stores. A listener's failure is its own: it
 * reaches neither the publisher nor the other listeners (`onListenerError` sees it).
 *
 * @example
 * const pubsub = memoryPubSub();
 * const stop = await pubsub.subscribe('conv:1', (m) => console.log(m));
 * await pubsub.publish('conv:1', 'hello');
 * await stop();
 */
export function memoryPubSub(onListenerError: (err: unknown) => void = () => undefined): PubSub {
  const topics = new Map<string, Set<(message: string) => void>>();
  return {
    async publish(topic, message) {
      for (const listener of [...(topics.get(topic) ?? [])]) {
        try {
          listener(message);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    async subscribe(topic, listener) {
      // A wrapper per subscription, so the same function subscribed twice is unsubscribed once per call.
      const own = (message: string) => listener(message);
      const set = topics.get(topic) ?? new Set();
      set.add(own);
      topics.set(topic, set);
      return async () => {
        set.delete(own);
        if (set.size === 0 && topics.get(topic) === set) topics.delete(topic);
      };
    },
  };
}
