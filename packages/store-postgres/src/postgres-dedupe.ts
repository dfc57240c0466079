import type { DedupeStore } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

/**
 * The dedupe claims of `postgresStore`. `claim` is one upsert that only overwrites an expired row: of several
 * racing claimers (in any process) exactly one gets its row inserted or updated, and with it a token; the others'
 * ON CONFLICT finds a live claim and changes nothing.
 */
export function postgresDedupe(pool: Db, table: string): DedupeStore {
  return {
    async claim(key, ttlMs) {
      const { rows } = await pool.query<{ token: string }>(
        `INSERT INTO ${table} (key, token, done, expires_at) VALUES ($1, gen_random_uuid()::text, false, ${NOW_MS} + $2)
         ON CONFLICT (key) DO UPDATE SET token = excluded.token, done = false, expires_at = excluded.expires_at
         WHERE ${table}.expires_at <= ${NOW_MS}
         RETURNING token`,
        [key, Math.round(ttlMs)],
      );
      return rows[0]?.token ?? null;
    },
    async isDone(key) {
      const { rowCount } = await pool.query(
        `SELECT 1 FROM ${table} WHERE key = $1 AND done AND expires_at > ${NOW_MS}`,
        [key],
      );
      return (rowCount ?? 0) > 0;
    },
    async complete(key, token, ttlMs) {
      await pool.query(`UPDATE ${table} SET done = true, expires_at = ${NOW_MS} + $1 WHERE key = $2 AND token = $3`, [
        Math.round(ttlMs),
        key,
        token,
      ]);
    },
    async release(key, token) {
      await pool.query(`DELETE FROM ${table} WHERE key = $1 AND token = $2 AND NOT done`, [key, token]);
    },
  };
}
