import type { ConversationRef, EventLogStore, LogEntry } from '@loket/core';
import type { LogKeys } from './redis-keys.js';
import { type RedisScriptClient, lua, runScript } from './redis-script.js';

/**
 * ARGV: entry JSON, keepMs. INCR and ZADD in one script: a seq is never taken without its entry, so the log has
 * no gaps. The counter never expires, so a log that aged out never hands out a seq twice.
 */
const APPEND = lua(`
local seq = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], seq, seq .. ' ' .. ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return seq`);

/** ARGV: after, limit (-1: no limit). */
const READ = lua(`
if ARGV[2] == '-1' then return redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf') end
return redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, ARGV[2])`);

interface Stored {
  at: number;
  kind: string;
  data?: unknown;
}

/**
 * The event log of `redisStore`: per conversation a counter and a sorted set scored by seq, both under the
 * conversation's hash tag. An idle log expires `keepMs` after its last append. `data` is stored as JSON.
 */
export function redisLog(
  client: () => Promise<RedisScriptClient>,
  keysOf: (ref: ConversationRef) => LogKeys,
  keepMs: number,
): EventLogStore {
  const keys = (ref: ConversationRef) => {
    const k = keysOf(ref);
    return [k.seq, k.entries];
  };

  return {
    async append(ref, entry) {
      const stored: Stored = { at: entry.at, kind: entry.kind, data: entry.data };
      return Number(await runScript(await client(), APPEND, keys(ref), [JSON.stringify(stored), keepMs]));
    },
    async read(ref, options = {}) {
      const after = Math.max(0, options.after ?? 0);
      const limit = options.limit === undefined ? -1 : Math.max(0, options.limit);
      if (limit === 0) return [];
      const members = (await runScript(await client(), READ, keys(ref), [after, limit])) as string[];
      return members.map((member): LogEntry => {
        const space = member.indexOf(' ');
        const stored = JSON.parse(member.slice(space + 1)) as Stored;
        return { seq: Number(member.slice(0, space)), at: stored.at, kind: stored.kind, data: stored.data };
      });
    },
  };
}
