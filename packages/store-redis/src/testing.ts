import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

const URL_ = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Helpers for tests that need a real Redis (this package's, and yours: run `describeStoreConformance` against
 * `redisStore` in your CI). Not part of the store itself.
 */

/**
 * The Redis the tests use (REDIS_URL, or the local default), or undefined when none answers: the Redis tests are
 * then skipped with a message naming `who`, so `npm test` passes on a machine without Redis.
 *
 * @example
 * const url = await redisTestUrl('my-app');
 * describe.skipIf(!url)('with Redis', () => { ... });
 */
export async function redisTestUrl(who = 'store-redis'): Promise<string | undefined> {
  const client = createClient({ url: URL_, socket: { connectTimeout: 1500, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return URL_;
  } catch (err) {
    console.warn(
      `[${who}] no Redis at ${URL_} (${(err as Error).message}): skipping the Redis tests. ` +
        'Start one (redis-server) or set REDIS_URL to run them.',
    );
    return undefined;
  }
}

/** A key prefix no other test run uses. */
export function uniquePrefix(): string {
  return `loket-test-${randomUUID()}:`;
}

/** All keys under `prefix` (SCAN, so it never blocks the server). */
export async function keysUnder(url: string, prefix: string): Promise<string[]> {
  const client = await createClient({ url }).connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  await client.close();
  return keys;
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const keys = await keysUnder(url, prefix);
  if (keys.length === 0) return;
  const client = await createClient({ url }).connect();
  await client.del(keys);
  await client.close();
}

/** A stored value as text, plus what it hides: the decoded `body` of a queue item (kept in base64). */
function readable(value: string): string {
  try {
    const parsed = JSON.parse(value) as { body?: unknown };
    if (typeof parsed?.body === 'string') return `${value}\n${Buffer.from(parsed.body, 'base64').toString('latin1')}`;
  } catch {
    // Not JSON: the text is all there is.
  }
  return value;
}

/**
 * Whether `needle` appears anywhere under `prefix`: in a key's name or in any of its values (strings, hash
 * fields and values, set, sorted-set and list members, queue bodies decoded). Proves that an erasure left no trace.
 */
export async function rawContains(url: string, prefix: string, needle: string): Promise<boolean> {
  const client = await createClient({ url }).connect();
  try {
    for (const key of await keysUnder(url, prefix)) {
      const type = await client.type(key);
      const values =
        type === 'string'
          ? [(await client.get(key)) ?? '']
          : type === 'hash'
            ? Object.entries(await client.hGetAll(key)).flat()
            : type === 'zset'
              ? await client.zRange(key, 0, -1)
              : type === 'list'
                ? await client.lRange(key, 0, -1)
                : type === 'set'
                  ? await client.sMembers(key)
                  : [];
      if ([key, ...values.map(readable)].some((text) => text.includes(needle))) return true;
    }
    return false;
  } finally {
    await client.close();
  }
}

export { type TestRedisServer, freePort, startTestRedis } from './redis-test-server.js';
