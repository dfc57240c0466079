import { existsSync, readFileSync } from 'node:fs';
import type { Store } from '@loket/core';
import { describeStoreConformance } from '@loket/testing';
import { afterAll } from 'vitest';
import { sqliteStore } from './index.js';
import { tempDir } from './test-support/temp-db.js';

// A real file per case, so the suite runs through WAL mode and the busy timeout (':memory:' has neither).
const dir = tempDir();
let n = 0;
const paths = new WeakMap<Store, string>();
afterAll(() => dir.remove());

const open = (path: string, now?: () => number) => {
  const store = sqliteStore(now === undefined ? { path } : { path, now });
  paths.set(store, path);
  return store;
};

describeStoreConformance({
  name: 'sqlite',
  create: () => open(dir.file(`case-${++n}.db`)),
  createWithClock: (now) => open(dir.file(`case-${++n}.db`), now),
  twin: (store) => open(paths.get(store)!),
  // The database file and its WAL, byte for byte: what a disk image of the machine would show.
  rawContains: async (store, needle) => {
    const path = paths.get(store)!;
    const files = [path, `${path}-wal`].filter(existsSync);
    return files.some((file) => readFileSync(file).includes(Buffer.from(needle)));
  },
});
