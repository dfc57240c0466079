import { tableNames } from './postgres-names.js';
import { type PostgresStoreOptions, resolvePostgresOptions } from './postgres-options.js';
import { SCHEMA_VERSION, printMigrations as script } from './postgres-schema.js';

export { SCHEMA_VERSION };

/**
 * The migrations as one SQL script, for teams that apply schema changes themselves (then run the store with
 * `{ migrate: false }`, and it checks the version instead). `fromVersion` skips the steps a database already has.
 * This is what `loket db migrate --print` writes.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * import { printMigrations } from '@loket/store-postgres';
 *
 * writeFileSync('loket-schema.sql', printMigrations({ schema: 'loket' }));
 */
export function printMigrations(
  options: Pick<PostgresStoreOptions, 'schema' | 'tablePrefix'> & { fromVersion?: number } = {},
): string {
  const { fromVersion = 0, ...names } = options;
  // Checks schema and prefix exactly as the store does (the connection is not used).
  const o = resolvePostgresOptions({ connectionString: 'postgres://localhost/print' }, names);
  return script(tableNames(o.schema, o.tablePrefix), Math.max(0, Math.min(fromVersion, SCHEMA_VERSION)));
}
