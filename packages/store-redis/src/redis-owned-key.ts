import { randomUUID } from 'node:crypto';
import { type LuaScript, type RedisScriptClient, lua, runScript } from './redis-script.js';

/** SET NX PX: exactly one caller gets the key, and Redis forgets it after the TTL. */
const TAKE = lua(`return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0`);

const EXTEND = lua(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`);

const RELEASE = lua(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`);

/** A key owned through a token: what dedupe claims and locks are made of. */
export interface OwnedKeys {
  /** A fresh token when the key was free; null when someone holds it. */
  take(key: string, ttlMs: number): Promise<string | null>;
  /** Renews the TTL when `token` still owns the key. */
  extend(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Deletes the key when `token` still owns it; an expired owner deletes nothing of its successor's. */
  release(key: string, token: string): Promise<void>;
  /** Runs another script on the key (its KEYS[1]); answers the script's number. */
  run(script: LuaScript, key: string, ...args: (string | number)[]): Promise<number>;
}

/** Redis PX wants a positive integer. */
export function pxOf(ttlMs: number): number {
  return Math.max(1, Math.ceil(ttlMs));
}

/** Token-owned keys under `keyOf`: compare-and-set in Lua, so the check and the change cannot interleave. */
export function ownedKeys(client: () => Promise<RedisScriptClient>, keyOf: (key: string) => string): OwnedKeys {
  const run = async (script: LuaScript, key: string, ...args: (string | number)[]) =>
    Number(await runScript(await client(), script, [keyOf(key)], args));
  return {
    async take(key, ttlMs) {
      const token = randomUUID();
      return (await run(TAKE, key, token, pxOf(ttlMs))) === 1 ? token : null;
    },
    async extend(key, token, ttlMs) {
      return (await run(EXTEND, key, token, pxOf(ttlMs))) === 1;
    },
    async release(key, token) {
      await run(RELEASE, key, token);
    },
    run,
  };
}
