import type { LockStore } from './store.js';
import { newToken } from './memory-token.js';

/** The locks of {@link memoryStore}: a lock is free again once its TTL passes by the injected clock. */
export function memoryLocks(now: () => number): LockStore {
  const locks = new Map<string, { token: string; until: number }>();

  const owned = (key: string, token: string) => {
    const lock = locks.get(key);
    return lock && lock.token === token && lock.until > now() ? lock : undefined;
  };

  return {
    async acquire(key, ttlMs) {
      const at = now();
      const lock = locks.get(key);
      if (lock && lock.until > at) return null;
      const token = newToken();
      locks.set(key, { token, until: at + ttlMs });
      return token;
    },
    async extend(key, token, ttlMs) {
      const lock = owned(key, token);
      if (!lock) return false;
      lock.until = now() + ttlMs;
      return true;
    },
    async release(key, token) {
      if (owned(key, token)) locks.delete(key);
    },
  };
}
