import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

const URL_ = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The Redis to use (REDIS_URL, or the local default), or undefined with a message when none answers. */
export async function reachableRedis(): Promise<string | undefined> {
  const client = createClient({ url: URL_, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return URL_;
  } catch (err) {
    console.warn(
      `[durability] no Redis at ${URL_} (${(err as Error).message}): skipping the Redis scenarios. ` +
        'Start one (redis-server) or set REDIS_URL to run them.',
    );
    return undefined;
  }
}

/** A key prefix no other run uses. */
export function uniqueRedisPrefix(): string {
  return `loket-durability-${randomUUID()}:`;
}

/** Deletes every key under `prefix` (SCAN, so it never blocks the server). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = await createClient({ url }).connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length > 0) await client.del(keys);
  await client.close();
}
