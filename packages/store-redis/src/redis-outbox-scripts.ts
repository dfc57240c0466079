import { SERVER_NOW, lua } from './redis-script.js';

// The outbox runs the inbox's scripts (LEASE, EXTEND, RETRY, STATS) on its own `{outbox}` keys, in the same KEYS
// order (1 seq … 10 failures). These are what it needs beyond them; KEYS[11], where used, is a batch's id list.
// A finished job moves to `dead` (the "no longer queued" set), and its outcome goes to `failures`.

/** ARGV: entry JSON per job. KEYS[11]: the batch list. Returns the new ids, in order. */
export const ENQUEUE_MANY = lua(`
local out = {}
for i = 1, #ARGV do
  local id = redis.call('INCR', KEYS[1])
  redis.call('HSET', KEYS[7], id, ARGV[i])
  redis.call('ZADD', KEYS[2], id, id)
  redis.call('RPUSH', KEYS[11], id)
  out[i] = tostring(id)
end
return out`);

/** ARGV: id, token, outcome JSON ({ status, detail }). Returns 1 when recorded (the lease was held). */
export const FINISH = lua(`${SERVER_NOW}
if redis.call('HGET', KEYS[8], ARGV[1]) ~= ARGV[2] then return 0 end
local ends = redis.call('ZSCORE', KEYS[4], ARGV[1])
if ends == false or tonumber(ends) <= now then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[8], ARGV[1])
redis.call('ZADD', KEYS[5], redis.call('INCR', KEYS[6]), ARGV[1])
redis.call('HSET', KEYS[10], ARGV[1], ARGV[3])
return 1`);

/** KEYS[11]: the batch list. Returns flat [id, entry, attempts, outcome JSON or '']*. */
export const BATCH = lua(`
local out = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[11], 0, -1)) do
  table.insert(out, id)
  table.insert(out, redis.call('HGET', KEYS[7], id))
  table.insert(out, redis.call('HGET', KEYS[9], id) or '0')
  table.insert(out, redis.call('HGET', KEYS[10], id) or '')
end
return out`);

/** KEYS[11]: the batch list. Returns flat [state, count]*. */
export const COUNTS = lua(`
local counts = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[11], 0, -1)) do
  local outcome = redis.call('HGET', KEYS[10], id)
  local state = 'queued'
  if outcome then state = cjson.decode(outcome).status end
  counts[state] = (counts[state] or 0) + 1
end
local out = {}
for state, n in pairs(counts) do
  table.insert(out, state)
  table.insert(out, n)
end
return out`);

/** ARGV: start, stop. Finished jobs (by finishing order) with their stored entry: flat [id, entry]*. */
export const FINISHED = lua(`
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[5], ARGV[1], ARGV[2])) do
  table.insert(out, id)
  table.insert(out, redis.call('HGET', KEYS[7], id) or '')
end
return out`);
