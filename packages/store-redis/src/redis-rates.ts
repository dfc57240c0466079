import type { RateStore } from '@loket/core';
import { type RedisScriptClient, SERVER_NOW, lua, runScript } from './redis-script.js';

/**
 * ARGV: count, windowMs. core's `gcraStep` in Lua, on the server's clock, so every process sharing the server
 * takes from one allowance and none can take a unit another took. The key expires once its allowance is whole.
 */
const TAKE = lua(`${SERVER_NOW}
local count, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local cost = window / math.max(1, count)
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nextTat = tat + cost
local over = nextTat - now - window
if over > 0 then return math.max(1, math.ceil(over)) end
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return 0`);

/** The rate limits of `redisStore`: one key per limit, taken atomically in Lua. */
export function redisRates(client: () => Promise<RedisScriptClient>, keyOf: (key: string) => string): RateStore {
  return {
    async take(key, limit) {
      return Number(await runScript(await client(), TAKE, [keyOf(key)], [limit.count, limit.windowMs]));
    },
  };
}
