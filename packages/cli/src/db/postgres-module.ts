import { LoketError, loketMessage, type Store } from '@loket/core';
import { dynamicImport, type Importer } from '../channels/load-adapters.js';

/** What the CLI uses of @loket/store-postgres (an optional dependency, imported only when asked for). */
export interface PostgresModule {
  postgresStore(
    connection: { connectionString: string },
    options?: { schema?: string; tablePrefix?: string },
  ): Promise<Store & { database: string }>;
  printMigrations(options?: { schema?: string; tablePrefix?: string; fromVersion?: number }): string;
  SCHEMA_VERSION: number;
}

/** True for a `postgres://` or `postgresql://` URL: `--store` takes one as the PostgreSQL store. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//.test(value);
}

/** Imports @loket/store-postgres, or fails with CONFIG saying how to install it. */
export async function loadPostgres(importer: Importer = dynamicImport): Promise<PostgresModule> {
  try {
    return (await importer('@loket/store-postgres')) as PostgresModule;
  } catch (err) {
    throw new LoketError(
      'CONFIG',
      loketMessage('cli', 'the PostgreSQL store is not installed: npm install @loket/store-postgres'),
      { cause: err },
    );
  }
}
