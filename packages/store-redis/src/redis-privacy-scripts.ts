import { lua } from './redis-script.js';

/** ARGV: cursor, pattern. One SCAN step: returns {next cursor, keys}. */
export const SCAN = lua(`return redis.call('SCAN', ARGV[1], 'MATCH', ARGV[2], 'COUNT', 500)`);

/** KEYS[1]: a hash. Returns it flat. */
export const HGETALL = lua(`return redis.call('HGETALL', KEYS[1])`);

export const ZMEMBERS = lua(`return redis.call('ZRANGE', KEYS[1], 0, -1)`);

export const GET = lua(`return redis.call('GET', KEYS[1])`);

export const HREF = lua(`return redis.call('HMGET', KEYS[1], 'channel', 'account', 'user')`);

/** Deletes KEYS; returns how many existed. */
export const DEL = lua(`return redis.call('DEL', unpack(KEYS))`);

/** KEYS: log, log-seq, log-keys, state. Returns {entries in the log, 1 when there was a state}. */
export const ERASE_CONVERSATION = lua(`
local entries = redis.call('ZCARD', KEYS[1])
local state = redis.call('EXISTS', KEYS[4])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return {entries, state}`);

/** KEYS: the log index. ARGV: member. */
export const UNINDEX = lua(`return redis.call('ZREM', KEYS[1], ARGV[1])`);

/**
 * KEYS: the queue's keys (inbox order), then for the outbox its batch list. ARGV: id. Removes every trace of one
 * item; returns 2 when it was a dead letter (or a finished job), 1 when it was queued, 0 when already gone.
 */
export const ERASE_ITEM = lua(`
local id = ARGV[1]
if redis.call('HEXISTS', KEYS[7], id) == 0 then return 0 end
local dead = redis.call('ZREM', KEYS[5], id)
redis.call('ZREM', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
for i = 7, 10 do redis.call('HDEL', KEYS[i], id) end
if KEYS[11] then redis.call('LREM', KEYS[11], 0, id) end
return dead == 1 and 2 or 1`);
