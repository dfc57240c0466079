// Prelude `redis-pubsub`: a Redis `store` (REDIS_URL, a fresh key prefix), a `socket` and a `send` to pace.
import { randomUUID as redisPreludeId } from 'node:crypto';
import { redisStore as redisPreludeStore } from '@loket/store-redis';

export const store = redisPreludeStore({ url: process.env.REDIS_URL!, keyPrefix: `readme-${redisPreludeId()}:` });
export const socket = { send: (message: string) => console.log('socket:', message) };
export const send = async () => console.log('sent');
