export { type RedisStore, redisStore } from './redis-store.js';
export type { RedisPruneResult } from './redis-pruning.js';
export type { RedisStoreOptions } from './redis-options.js';
export type { RedisScriptClient } from './redis-script.js';
export { conversationTag } from './redis-keys.js';
