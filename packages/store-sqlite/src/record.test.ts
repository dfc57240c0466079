import { existsSync, readFileSync } from 'node:fs';
import type { Store } from '@loket/core';
import { describeRecordConformance } from '@loket/testing';
import { afterAll } from 'vitest';
import { sqliteStore } from './index.js';
import { tempDir } from './test-support/temp-db.js';

// The organisation's record through the gateway, on a real SQLite file per case; an erasure is checked against
// the file and its WAL byte for byte.
const dir = tempDir();
let n = 0;
const paths = new WeakMap<Store, string>();
afterAll(() => dir.remove());

describeRecordConformance({
  name: 'sqlite',
  create: () => {
    const path = dir.file(`record-${++n}.db`);
    const store = sqliteStore({ path });
    paths.set(store, path);
    return store;
  },
  rawContains: async (store, needle) =>
    [paths.get(store)!, `${paths.get(store)}-wal`]
      .filter(existsSync)
      .some((file) => readFileSync(file).includes(Buffer.from(needle))),
});
