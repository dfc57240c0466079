import type { KeyValueStore } from '@loket/core';
import { pxOf } from './redis-owned-key.js';
import { type LuaScript, type RedisScriptClient, lua, runScript } from './redis-script.js';

/** ARGV: value, ttl ms ('' for none), '1' for only-if-absent. Returns 1 when stored. Redis expires the key. */
const SET = lua(`
local args = {'SET', KEYS[1], ARGV[1]}
if ARGV[2] ~= '' then table.insert(args, 'PX'); table.insert(args, ARGV[2]) end
if ARGV[3] == '1' then table.insert(args, 'NX') end
return redis.call(unpack(args)) and 1 or 0`);
const GET = lua(`return redis.call('GET', KEYS[1])`);
const DEL = lua(`return redis.call('DEL', KEYS[1])`);

/** The key-value entries of `redisStore`: one string key each, with Redis's own TTL (SET PX, NX for ifAbsent). */
export function redisKv(client: () => Promise<RedisScriptClient>, keyOf: (key: string) => string): KeyValueStore {
  const run = async (script: LuaScript, key: string, ...args: (string | number)[]) =>
    runScript(await client(), script, [keyOf(key)], args);
  return {
    async get(key) {
      const value = await run(GET, key);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, options = {}) {
      const ttl = options.ttlMs === undefined ? '' : pxOf(options.ttlMs);
      return Number(await run(SET, key, value, ttl, options.ifAbsent ? '1' : '0')) === 1;
    },
    async delete(key) {
      await run(DEL, key);
    },
  };
}
