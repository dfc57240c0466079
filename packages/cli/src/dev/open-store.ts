import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { memoryStore, type Store } from '@loket/core';
import { dynamicImport, type Importer } from '../channels/load-adapters.js';

/** The store `loket dev` runs on, and a line saying which. */
export interface OpenedStore {
  store: Store;
  description: string;
}

/**
 * `sqlite`: `<dataDir>/loket.db` through @loket/store-sqlite (survives restarts). When that package or its native
 * addon is not available, the dev server still starts, on memory, and says why.
 */
export async function openStore(
  kind: 'sqlite' | 'memory',
  dataDir: string,
  importer: Importer = dynamicImport,
): Promise<OpenedStore> {
  if (kind === 'memory') return { store: memoryStore(), description: 'memory (nothing survives a restart)' };
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
