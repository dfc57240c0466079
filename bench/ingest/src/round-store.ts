import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore, type Store } from '@loket/core';
import { redisStore } from '@loket/store-redis';
import { sqliteStore } from '@loket/store-sqlite';
import { createClient } from 'redis';

/** Where one round's gateway keeps its state: passed to the server process as JSON. */
export type StoreSpec =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string; keyPrefix: string };

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The store spec of a server kind for one round (a fresh SQLite file, a fresh Redis prefix), and its cleanup. */
export function roundStore(kind: string): { spec: StoreSpec | undefined; cleanup: () => Promise<void> } {
  if (kind === 'gateway-sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'loket-bench-'));
    const spec: StoreSpec = { kind: 'sqlite', path: join(dir, 'bench.db') };
    return { spec, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (kind === 'gateway-redis') {
    const keyPrefix = `loket-bench-${randomUUID()}:`;
    return { spec: { kind: 'redis', url: REDIS_URL, keyPrefix }, cleanup: () => deleteKeys(REDIS_URL, keyPrefix) };
  }
  if (kind === 'gateway') return { spec: { kind: 'memory' }, cleanup: async () => undefined };
  return { spec: undefined, cleanup: async () => undefined };
}

/** Opens the store a spec names (in the server process). */
export function openStore(spec: StoreSpec): Store {
  if (spec.kind === 'sqlite') return sqliteStore({ path: spec.path });
  if (spec.kind === 'redis') return redisStore({ url: spec.url, keyPrefix: spec.keyPrefix });
  return memoryStore();
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = await createClient({ url }).connect();
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
  for (let i = 0; i < keys.length; i += 1000) await client.del(keys.slice(i, i + 1000));
  await client.close();
}
