import type { Store } from '@loket/core';
import { describeStoreConformance } from '@loket/testing';
import { afterAll, describe, it } from 'vitest';
import { postgresStore } from './index.js';
import { createTestDatabase, postgresTestUrl, rawContains, uniqueSchema } from './testing.js';

const url = await postgresTestUrl();
const schemas = new WeakMap<Store, string>();

if (url === undefined) {
  describe.skip('postgres store conformance (no PostgreSQL reachable)', () => it.skip('needs a PostgreSQL server'));
} else {
  // One database per run, one schema per case: every case starts empty, and parallel runs never meet.
  const db = await createTestDatabase(url);
  afterAll(() => db.drop());
  const open = async (schema: string, now?: () => number) => {
    const store = await postgresStore({ connectionString: db.url }, now === undefined ? { schema } : { schema, now });
    schemas.set(store, schema);
    return store;
  };
  describeStoreConformance({
    name: 'postgres',
    create: () => open(uniqueSchema()),
    createWithClock: (now) => open(uniqueSchema(), now),
    twin: (store) => open(schemas.get(store)!),
    sharedPubSub: true,
    rawContains: (store, needle) => rawContains(db.url, schemas.get(store)!, needle),
  });
}
