import { SERVER_NOW, lua } from './redis-script.js';

// KEYS of every inbox script, in this order (see inboxKeyList):
// 1 seq, 2 pending, 3 delayed, 4 leased, 5 dead, 6 dead-order, 7 items, 8 tokens, 9 attempts, 10 failures.
// `pending` is scored by the numeric id (arrival order), `delayed` by due time, `leased` by the lease's end and
// `dead` by the order in which items died. Times come from the server's clock.

/** A lease is held while its token matches and its end is still ahead. */
const HELD = `${SERVER_NOW}
local function held(id, token)
  if redis.call('HGET', KEYS[8], id) ~= token then return false end
  local ends = redis.call('ZSCORE', KEYS[4], id)
  return ends ~= false and tonumber(ends) > now
end`;

/** ARGV: entry JSON. Returns the new id. */
export const ENQUEUE = lua(`
local id = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[7], id, ARGV[1])
redis.call('ZADD', KEYS[2], id, id)
return tostring(id)`);

/** ARGV: limit, leaseMs, one fresh token per possible item. Returns flat [id, token, attemptsBefore, entry]*. */
export const LEASE = lua(`${SERVER_NOW}
local function requeue(from)
  local ids = redis.call('ZRANGEBYSCORE', from, '-inf', now, 'LIMIT', 0, 1000)
  for _, id in ipairs(ids) do
    redis.call('ZREM', from, id)
    redis.call('ZADD', KEYS[2], id, id)
  end
end
requeue(KEYS[3])
requeue(KEYS[4])
local out = {}
for i, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[1]) - 1)) do
  local token = ARGV[2 + i]
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), id)
  redis.call('HSET', KEYS[8], id, token)
  local before = redis.call('HINCRBY', KEYS[9], id, 1) - 1
  table.insert(out, id)
  table.insert(out, token)
  table.insert(out, before)
  table.insert(out, redis.call('HGET', KEYS[7], id))
end
return out`);

/** ARGV: id, token, leaseMs. Returns 1 when extended. */
export const EXTEND = lua(`${HELD}
if not held(ARGV[1], ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[1])
return 1`);

/** ARGV: id, token. */
export const ACK = lua(`${HELD}
if not held(ARGV[1], ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[7], ARGV[1])
redis.call('HDEL', KEYS[8], ARGV[1])
redis.call('HDEL', KEYS[9], ARGV[1])
return 1`);

/** ARGV: id, token, delayMs. */
export const RETRY = lua(`${HELD}
if not held(ARGV[1], ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[8], ARGV[1])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[3]), ARGV[1])
return 1`);

/** ARGV: id, token, failure JSON ({ error, failedEvents }). The failure time is stored beside it. */
export const DEAD_LETTER = lua(`${HELD}
if not held(ARGV[1], ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[8], ARGV[1])
redis.call('ZADD', KEYS[5], redis.call('INCR', KEYS[6]), ARGV[1])
redis.call('HSET', KEYS[10], ARGV[1], string.format('%d', now) .. ' ' .. ARGV[3])
return 1`);

/** ARGV: limit (-1: all). Returns flat [id, entry, attempts, "failedAt failureJSON"]*. */
export const DEAD_LETTERS = lua(`
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[5], 0, tonumber(ARGV[1]))) do
  table.insert(out, id)
  table.insert(out, redis.call('HGET', KEYS[7], id))
  table.insert(out, redis.call('HGET', KEYS[9], id) or '0')
  table.insert(out, redis.call('HGET', KEYS[10], id))
end
return out`);

/** ARGV: id. Returns 1 when a dead letter went back into the queue. */
export const REPLAY = lua(`
if redis.call('ZREM', KEYS[5], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[10], ARGV[1])
redis.call('HSET', KEYS[9], ARGV[1], 0)
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
return 1`);

/** Returns [pending, leased, dead]; a lease past its end counts as pending. */
export const STATS = lua(`${SERVER_NOW}
local expired = redis.call('ZCOUNT', KEYS[4], '-inf', now)
local leased = redis.call('ZCARD', KEYS[4]) - expired
local pending = redis.call('ZCARD', KEYS[2]) + redis.call('ZCARD', KEYS[3]) + expired
return { pending, leased, redis.call('ZCARD', KEYS[5]) }`);
