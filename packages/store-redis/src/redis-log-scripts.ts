import { lua } from './redis-script.js';

// KEYS of the per-conversation scripts: seq counter, entries (sorted set scored by seq, member "<seq> <json>"),
// idempotency keys (hash key → seq). All three carry the conversation's hash tag.

/**
 * ARGV: entry JSON, keepMs, idempotency key, '1' when there is a key. INCR and ZADD in one script: a seq is never
 * taken without its entry, so the log has no gaps; a known key answers its stored entry instead. The counter never
 * expires, so a log that aged out never hands out a seq twice. Returns {created, member}.
 */
export const APPEND = lua(`
if ARGV[4] == '1' then
  local known = redis.call('HGET', KEYS[3], ARGV[3])
  if known then
    local found = redis.call('ZRANGEBYSCORE', KEYS[2], known, known)
    if found[1] then return {0, found[1]} end
  end
end
local seq = redis.call('INCR', KEYS[1])
local member = seq .. ' ' .. ARGV[1]
redis.call('ZADD', KEYS[2], seq, member)
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[3], ARGV[3], seq)
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
end
return {1, member}`);

/** ARGV: after, before, limit (-1: no limit), '1' for the newest `limit` (answered newest first). */
export const READ = lua(`
local min, max = '(' .. ARGV[1], '(' .. ARGV[2]
if ARGV[4] == '1' then
  if ARGV[3] == '-1' then return redis.call('ZREVRANGEBYSCORE', KEYS[2], max, min) end
  return redis.call('ZREVRANGEBYSCORE', KEYS[2], max, min, 'LIMIT', 0, ARGV[3])
end
if ARGV[3] == '-1' then return redis.call('ZRANGEBYSCORE', KEYS[2], min, max) end
return redis.call('ZRANGEBYSCORE', KEYS[2], min, max, 'LIMIT', 0, ARGV[3])`);

export const HEAD = lua(`return redis.call('GET', KEYS[1]) or '0'`);

/** ARGV: idempotency key. Returns the entry's member, or false. */
export const BY_KEY = lua(`
local seq = redis.call('HGET', KEYS[3], ARGV[1])
if not seq then return false end
return redis.call('ZRANGEBYSCORE', KEYS[2], seq, seq)[1] or false`);

/** ARGV: olderThan. Removes the entries with `at` before it (and their idempotency keys); returns how many. */
export const PRUNE = lua(`
local removed = 0
for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local e = cjson.decode(string.sub(m, string.find(m, ' ', 1, true) + 1))
  if tonumber(e.at) < tonumber(ARGV[1]) then
    redis.call('ZREM', KEYS[2], m)
    if type(e.key) == 'string' then redis.call('HDEL', KEYS[3], e.key) end
    removed = removed + 1
  end
end
return removed`);

/** KEYS: the log index. ARGV: updatedAt, member. Only ever raises a conversation's score. */
export const TOUCH = lua(`return redis.call('ZADD', KEYS[1], 'GT', ARGV[1], ARGV[2])`);

/**
 * KEYS: the log index. ARGV: updatedSince, cursor score ('' for none), cursor member, limit (-1: all).
 * Keyset paging by (score, member): returns flat member, score pairs, at most limit + 1 (the extra says "more").
 */
export const PAGE = lua(`
local limit = tonumber(ARGV[4])
local min = tonumber(ARGV[1])
local cs = ARGV[2] ~= '' and tonumber(ARGV[2]) or nil
if cs and cs > min then min = cs end
local out = {}
local offset = 0
while limit < 0 or #out < 2 * (limit + 1) do
  local batch = redis.call('ZRANGEBYSCORE', KEYS[1], min, '+inf', 'WITHSCORES', 'LIMIT', offset, 200)
  if #batch == 0 then break end
  for i = 1, #batch, 2 do
    local s = tonumber(batch[i + 1])
    if (not cs or s > cs or batch[i] > ARGV[3]) and (limit < 0 or #out < 2 * (limit + 1)) then
      out[#out + 1] = batch[i]
      out[#out + 1] = batch[i + 1]
    end
  end
  offset = offset + 200
end
return out`);
