import type { KeyValueStore } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

const live = (table: string) => `(${table}.expires_at IS NULL OR ${table}.expires_at > ${NOW_MS})`;

/**
 * The key-value entries of `postgresStore`: one row per key with an optional expiry (server clock). An expired
 * row reads as absent until the sweep deletes it; `ifAbsent` is one upsert that only overwrites a dead row, so of
 * racing writers exactly one wins.
 */
export function postgresKv(pool: Db, table: string): KeyValueStore {
  return {
    async get(key) {
      const { rows } = await pool.query<{ value: string }>(
        `SELECT value FROM ${table} WHERE key = $1 AND ${live(table)}`,
        [key],
      );
      return rows[0]?.value;
    },
    async set(key, value, options = {}) {
      const ttl = options.ttlMs === undefined ? null : Math.max(1, Math.round(options.ttlMs));
      const r = await pool.query(
        `INSERT INTO ${table} (key, value, expires_at) VALUES ($1, $2, ${NOW_MS} + $3::bigint)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
         ${options.ifAbsent ? `WHERE NOT ${live(table)}` : ''}`,
        [key, value, ttl],
      );
      return r.rowCount === 1;
    },
    async delete(key) {
      await pool.query(`DELETE FROM ${table} WHERE key = $1`, [key]);
    },
  };
}
