import { LoketError, loketMessage } from '@loket/core';
import type pg from 'pg';
import type { Db } from './postgres-db.js';
import type { TableNames } from './postgres-names.js';
import { inTransaction } from './postgres-transaction.js';
import { migrationSql, SCHEMA_VERSION, versionTableSql } from './postgres-schema.js';

/** The version recorded in the database, and which package wrote it (undefined on an empty database). */
async function currentVersion(client: pg.PoolClient, t: TableNames): Promise<{ version: number; by?: string }> {
  const { rows } = await client.query<{ version: number; written_by: string }>(
    `SELECT version, written_by FROM ${t.version} ORDER BY version DESC LIMIT 1`,
  );
  return rows[0] ? { version: rows[0].version, by: rows[0].written_by } : { version: 0 };
}

function newerError(found: { version: number; by?: string }): LoketError {
  return new LoketError(
    'CONFIG',
    loketMessage(
      'store-postgres',
      `the database has schema version ${found.version} (written by ${found.by ?? 'an unknown version'}), newer than this @loket/store-postgres knows (${SCHEMA_VERSION}): upgrade @loket/store-postgres, or point it at another schema`,
    ),
    { details: { found: found.version, writtenBy: found.by, known: SCHEMA_VERSION } },
  );
}

/**
 * Brings the schema up to date in one transaction, under a transaction-scoped advisory lock: two processes
 * starting together on an empty database migrate it once, and the lock goes with the transaction (a dropped
 * connection releases it). A schema written by a newer package is refused, naming its writer. With
 * `apply: false` nothing is changed, and a schema that is behind is refused with the command that prints the SQL.
 */
export async function migrate(pool: Db, t: TableNames, apply: boolean): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`loket migrate ${t.version}`]);
    if (apply) await client.query(versionTableSql(t));
    const exists = await client.query('SELECT to_regclass($1) AS t', [t.version]);
    const found = exists.rows[0]?.t === null ? { version: 0 } : await currentVersion(client, t);
    if (found.version > SCHEMA_VERSION) throw newerError(found);
    if (!apply && found.version < SCHEMA_VERSION) {
      throw new LoketError(
        'CONFIG',
        loketMessage(
          'store-postgres',
          `the database has schema version ${found.version}, this @loket/store-postgres needs ${SCHEMA_VERSION}: apply \`loket db migrate --print --from ${found.version}\`, or pass { migrate: true }`,
        ),
        { details: { found: found.version, known: SCHEMA_VERSION } },
      );
    }
    for (let v = found.version + 1; v <= SCHEMA_VERSION; v += 1) await client.query(migrationSql(t, v));
    return found.version;
  });
}
