import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore, type Store } from '@loket/core';
import { sqliteStore } from '@loket/store-sqlite';
import { redisStore } from '@loket/store-redis';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';

/** One store the web chat tests run on: `open` makes a store, `reopen` another handle on the same data. */
export interface StoreCase {
  name: 'memory' | 'sqlite' | 'redis';
  open(): Store;
  /** A second store on the same data (another process, or the same file after a restart); undefined for memory. */
  reopen?(store: Store): Store;
  cleanup(): Promise<void>;
}

/** Memory, SQLite (a temp file per store) and Redis (a fresh key prefix per store; skipped when unreachable). */
export async function storeCases(): Promise<StoreCase[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-webchat-'));
  let n = 0;
  const paths = new WeakMap<Store, string>();
  const cases: StoreCase[] = [
    { name: 'memory', open: () => memoryStore(), cleanup: async () => undefined },
    {
      name: 'sqlite',
      open() {
        const path = join(dir, `case-${++n}.db`);
        const store = sqliteStore({ path });
        paths.set(store, path);
        return store;
      },
      reopen: (store) => sqliteStore({ path: paths.get(store) ?? '' }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const url = await redisTestUrl('webchat');
  if (url) {
    const prefixes = new WeakMap<Store, string>();
    const used: string[] = [];
    cases.push({
      name: 'redis',
      open() {
        const keyPrefix = uniquePrefix();
        used.push(keyPrefix);
        const store = redisStore({ url, keyPrefix });
        prefixes.set(store, keyPrefix);
        return store;
      },
      reopen: (store) => redisStore({ url, keyPrefix: prefixes.get(store) ?? '' }),
      cleanup: async () => {
        for (const prefix of used) await deleteKeys(url, prefix);
      },
    });
  }
  return cases;
}
