import type { Store } from '@loket/core';
import { postgresStore } from '@loket/store-postgres';
import { redisStore } from '@loket/store-redis';
import { sqliteStore } from '@loket/store-sqlite';
import type { StoreSpec } from './child-config.js';

/** Opens the store a spec names: what the gateway children run on, and what the tests observe them through. */
export async function openStore(spec: StoreSpec): Promise<Store> {
  if (spec.kind === 'sqlite') return sqliteStore({ path: spec.path });
  if (spec.kind === 'redis') return redisStore({ url: spec.url, keyPrefix: spec.keyPrefix });
  return postgresStore({ connectionString: spec.url }, { schema: spec.schema });
}
