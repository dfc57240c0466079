import type { Store } from '@loket/core';
import { describeStoreConformance } from '@loket/testing';
import { describe, it } from 'vitest';
import { redisStore } from './index.js';
import { deleteKeys, rawContains, redisTestUrl, uniquePrefix } from './testing.js';

const url = await redisTestUrl();
const prefixes = new WeakMap<Store, string>();

if (url === undefined) {
  describe.skip('redis store conformance (no Redis reachable)', () => it.skip('needs a Redis server'));
} else {
  describeStoreConformance({
    name: 'redis',
    create: () => {
      const keyPrefix = uniquePrefix();
      const store = redisStore({ url, keyPrefix });
      prefixes.set(store, keyPrefix);
      return store;
    },
    cleanup: (store) => deleteKeys(url, prefixes.get(store)!),
    twin: (store) => redisStore({ url, keyPrefix: prefixes.get(store)! }),
    sharedPubSub: true,
    rawContains: (store, needle) => rawContains(url, prefixes.get(store)!, needle),
  });
}
