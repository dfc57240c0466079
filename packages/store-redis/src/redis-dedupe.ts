import type { DedupeStore } from '@loket/core';
import { ownedKeys, pxOf } from './redis-owned-key.js';
import { type RedisScriptClient, lua } from './redis-script.js';

/** A completed key keeps a `done:` value, so a late release with the claim's token cannot free it. */
const COMPLETE = lua(`
local v = redis.call('GET', KEYS[1])
if v ~= ARGV[1] and v ~= 'done:' .. ARGV[1] then return 0 end
redis.call('SET', KEYS[1], 'done:' .. ARGV[1], 'PX', ARGV[2])
return 1`);

const IS_DONE = lua(`
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 5) == 'done:' then return 1 end
return 0`);

/** The dedupe claims of `redisStore`: one key per event id, taken with SET NX PX. */
export function redisDedupe(client: () => Promise<RedisScriptClient>, keyOf: (key: string) => string): DedupeStore {
  const keys = ownedKeys(client, keyOf);
  return {
    claim: (key, ttlMs) => keys.take(key, ttlMs),
    isDone: async (key) => (await keys.run(IS_DONE, key)) === 1,
    async complete(key, token, ttlMs) {
      await keys.run(COMPLETE, key, token, pxOf(ttlMs));
    },
    release: (key, token) => keys.release(key, token),
  };
}
