import type { LockStore } from '@loket/core';
import { ownedKeys } from './redis-owned-key.js';
import type { RedisScriptClient } from './redis-script.js';

/** The locks of `redisStore`: SET NX PX to take one; only the owner token extends or releases it. */
export function redisLocks(client: () => Promise<RedisScriptClient>, keyOf: (key: string) => string): LockStore {
  const keys = ownedKeys(client, keyOf);
  return {
    acquire: (key, ttlMs) => keys.take(key, ttlMs),
    extend: (key, token, ttlMs) => keys.extend(key, token, ttlMs),
    release: (key, token) => keys.release(key, token),
  };
}
