export { type SqliteStore, sqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-options.js';
export type { PruneResult } from './sqlite-pruning.js';
