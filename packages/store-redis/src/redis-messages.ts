import { type ChannelId, type MessageStore, STATUS_RANK } from '@loket/core';
import { type LuaScript, type RedisScriptClient, SERVER_NOW, lua, runScript } from './redis-script.js';

/** Keeps the key at least `keep` ms (ARGV[#ARGV]); never shortens a longer expiry. */
const KEEP = `
local keep = tonumber(ARGV[#ARGV])
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end`;

/** ARGV: channel, account, user, keepMs. */
const SENT = lua(`redis.call('HSET', KEYS[1], 'channel', ARGV[1], 'account', ARGV[2], 'user', ARGV[3])${KEEP}
return 1`);

/** ARGV: status, rank, ttlMs, keepMs. Returns 1 when the status moved forward. */
const ADVANCE = lua(`${SERVER_NOW}
local rank = redis.call('HGET', KEYS[1], 'rank')
local untilAt = redis.call('HGET', KEYS[1], 'statusUntil')
if rank and tonumber(untilAt) > now and tonumber(rank) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'rank', ARGV[2], 'statusUntil', now + tonumber(ARGV[3]))${KEEP}
return 1`);

const CONVERSATION = lua(`return redis.call('HMGET', KEYS[1], 'channel', 'account', 'user')`);

/**
 * The sent messages of `redisStore`: one hash per message id. The status step is a compare-and-set in Lua, so
 * of several identical racing updates exactly one moves it; the hash lives for `keepMs` (or a status TTL, if
 * longer) after its last write.
 */
export function redisMessages(
  client: () => Promise<RedisScriptClient>,
  keyOf: (id: string) => string,
  keepMs: number,
): MessageStore {
  const run = async (script: LuaScript, id: string, ...args: (string | number)[]) =>
    runScript(await client(), script, [keyOf(id)], args);

  return {
    async recordSent(messageId, ref) {
      await run(SENT, messageId, ref.channel, ref.account, ref.user, keepMs);
    },
    async advanceStatus(messageId, status, ttlMs) {
      const keep = Math.max(keepMs, Math.ceil(ttlMs));
      return Number(await run(ADVANCE, messageId, status, STATUS_RANK[status], ttlMs, keep)) === 1;
    },
    async conversationOf(messageId) {
      const [channel, account, user] = (await run(CONVERSATION, messageId)) as (string | null)[];
      if (!channel || !account || !user) return undefined;
      return { channel: channel as ChannelId, account, user };
    },
  };
}
