import { createHash } from 'node:crypto';

/** What `redisStore` needs of a node-redis client (a `createClient()` or `createCluster()` result both fit). */
export interface RedisScriptClient {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** A Lua script and its SHA1, so calls send the 40-character hash instead of the source. */
export interface LuaScript {
  source: string;
  sha: string;
}

/** Prepares a Lua script. */
export function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Lua that reads the Redis server's clock in ms: one clock for every gateway process sharing the server. */
export const SERVER_NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Runs a script by its SHA1 and falls back to sending the source once when the server does not have it cached
 * (after a restart, a SCRIPT FLUSH, or on a Cluster node that never saw it).
 */
export async function runScript(
  client: RedisScriptClient,
  script: LuaScript,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const options = { keys, arguments: args.map(String) };
  try {
    return await client.evalSha(script.sha, options);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return client.eval(script.source, options);
  }
}
