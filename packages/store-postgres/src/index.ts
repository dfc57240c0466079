export { type PostgresStore, postgresStore } from './postgres-store.js';
export type { PostgresConnection, PostgresStoreOptions } from './postgres-options.js';
export type { PruneResult } from './postgres-pruning.js';
export { printMigrations, SCHEMA_VERSION } from './postgres-print.js';
