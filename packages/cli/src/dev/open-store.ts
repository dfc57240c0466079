import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { memoryStore, type Store } from '@loket/core';
import { dynamicImport, type Importer } from '../channels/load-adapters.js';
import { isPostgresUrl, loadPostgres } from '../db/postgres-module.js';

/** The store `loket dev` runs on, and a line saying which. */
export interface OpenedStore {
  store: Store;
  description: string;
}

/** `sqlite`, `memory`, or a `postgres://` URL. */
export type DevStoreKind = 'sqlite' | 'memory' | `postgres://${string}` | `postgresql://${string}`;

/**
 * `sqlite`: `<dataDir>/loket.db` through @loket/store-sqlite (survives restarts). When that package or its native
 * addon is not available, the dev server still starts, on memory, and says why. A `postgres://` URL opens
 * @loket/store-postgres on that database (migrated at start); asked for by name, it fails loudly rather than
 * falling back (CONFIG or NETWORK, naming the database with its password redacted).
 */
export async function openStore(
  kind: DevStoreKind,
  dataDir: string,
  importer: Importer = dynamicImport,
): Promise<OpenedStore> {
  if (kind === 'memory') return { store: memoryStore(), description: 'memory (nothing survives a restart)' };
  if (isPostgresUrl(kind)) {
    const store = await (await loadPostgres(importer)).postgresStore({ connectionString: kind });
    return { store, description: `postgres ${store.database}` };
  }
  const path = join(resolve(dataDir), 'loket.db');
  try {
    const module = (await importer('@loket/store-sqlite')) as { sqliteStore(o: { path: string }): Store };
    mkdirSync(resolve(dataDir), { recursive: true });
    return { store: module.sqliteStore({ path }), description: `sqlite ${path}` };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return {
      store: memoryStore(),
      description: `memory: @loket/store-sqlite could not be opened (${reason}); npm install @loket/store-sqlite to keep state`,
    };
  }
}
