// Prelude `redis-pubsub`: a Redis `store` (REDIS_URL, key prefix `readme-snippet:`, deleted after the run), a
// `socket` and a `send` to pace.
import { redisStore as redisPreludeStore } from '@loket/store-redis';

export const store = redisPreludeStore({ url: process.env.REDIS_URL!, keyPrefix: 'readme-snippet:' });
export const socket = { send: (message: string) => console.log('socket:', message) };
export const send = async () => console.log('sent');
