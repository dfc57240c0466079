import type { KeyValueStore } from './record-store.js';

interface Value {
  value: string;
  expiresAt?: number;
}

/** The key-value entries of {@link memoryStore}; a TTL runs out by the injected clock. */
export function memoryKv(
  now: () => number,
): KeyValueStore & { erase(match: (key: string, value: string) => boolean): number } {
  const values = new Map<string, Value>();

  const live = (key: string): Value | undefined => {
    const found = values.get(key);
    if (found?.expiresAt !== undefined && found.expiresAt <= now()) {
      values.delete(key);
      return undefined;
    }
    return found;
  };

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, options = {}) {
      if (options.ifAbsent && live(key) !== undefined) return false;
      values.set(key, options.ttlMs === undefined ? { value } : { value, expiresAt: now() + options.ttlMs });
      return true;
    },
    async delete(key) {
      values.delete(key);
    },
    /** Removes the live entries that `match` (for an erasure); answers how many. */
    erase(match) {
      let count = 0;
      for (const key of [...values.keys()]) {
        const found = live(key);
        if (found === undefined || !match(key, found.value)) continue;
        values.delete(key);
        count += 1;
      }
      return count;
    },
  };
}
