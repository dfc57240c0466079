import type { CliIo } from '../cli/cli-io.js';
import { parseFlags, str } from '../cli/parse-flags.js';
import { intFlag, usageError } from '../cli/usage.js';
import { isPostgresUrl, loadPostgres } from './postgres-module.js';

const FLAGS = {
  print: { type: 'boolean' },
  'database-url': { type: 'string' },
  schema: { type: 'string' },
  'table-prefix': { type: 'string' },
  from: { type: 'string' },
} as const;

/** `loket db migrate --help`. */
export const DB_MIGRATE_HELP = `loket db migrate: bring a PostgreSQL database to the schema @loket/store-postgres needs

Usage: loket db migrate --print [--schema public] [--table-prefix loket_] [--from <version>]
       loket db migrate --database-url postgres://... [--schema public] [--table-prefix loket_]

The store runs its migrations itself at start. For teams that apply schema changes themselves: --print writes
the SQL (one transaction, versioned) to stdout, to review and apply with psql; then start the store with
{ migrate: false }, and it checks the version instead. A database written by a newer version is refused.

Options:
  --print               write the SQL instead of applying it (no database needed)
  --database-url <url>  the database to migrate (or DATABASE_URL)
  --schema <name>       the schema of the tables (default public)
  --table-prefix <p>    in front of every table name (default loket_)
  --from <version>      with --print: only the steps after this schema version (default 0, everything)`;

/** `loket db migrate`: prints the migrations as SQL, or applies them to a database. */
export async function dbMigrateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags('db migrate', args, FLAGS);
  if (flags.positionals.length > 0) throw usageError('db migrate', `unexpected argument "${flags.positionals[0]}"`);
  const names = {
    ...(str(flags, 'schema') === undefined ? {} : { schema: str(flags, 'schema') }),
    ...(str(flags, 'table-prefix') === undefined ? {} : { tablePrefix: str(flags, 'table-prefix') }),
  };
  const pg = await loadPostgres();
  if (flags.values.print === true) {
    io.out(pg.printMigrations({ ...names, fromVersion: intFlag('db migrate', 'from', str(flags, 'from')) ?? 0 }));
    return 0;
  }
  const url = str(flags, 'database-url') ?? io.env.DATABASE_URL;
  if (url === undefined || !isPostgresUrl(url)) {
    throw usageError('db migrate', 'pass --database-url postgres://... (or DATABASE_URL), or --print for the SQL');
  }
  const store = await pg.postgresStore({ connectionString: url }, names);
  await store.close();
  io.out(`loket db migrate: ${store.database} is at schema version ${pg.SCHEMA_VERSION}`);
  return 0;
}
