import type { Store } from '@loket/core';
import { describeRecordConformance } from '@loket/testing';
import { describe, it } from 'vitest';
import { redisStore } from './index.js';
import { deleteKeys, rawContains, redisTestUrl, uniquePrefix } from './testing.js';

// The organisation's record through the gateway, on Redis with a fresh key prefix per case; an erasure is checked
// against every key and value under the prefix.
const url = await redisTestUrl();
const prefixes = new WeakMap<Store, string>();

if (url === undefined) {
  describe.skip('record on the redis store (no Redis reachable)', () => it.skip('needs a Redis server'));
} else {
  describeRecordConformance({
    name: 'redis',
    create: () => {
      const keyPrefix = uniquePrefix();
      const store = redisStore({ url, keyPrefix });
      prefixes.set(store, keyPrefix);
      return store;
    },
    cleanup: (store) => deleteKeys(url, prefixes.get(store)!),
    rawContains: (store, needle) => rawContains(url, prefixes.get(store)!, needle),
  });
}
