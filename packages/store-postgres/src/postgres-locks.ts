import type { LockStore } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

/**
 * The locks of `postgresStore`: lease rows with an owner token and an expiry, taken by one upsert that only
 * takes over an expired lock. Not session advisory locks: those belong to one connection, so a pool that hands
 * the next query to another connection could not release them, and a dropped connection would release them while
 * the owner still works. A row lock outlives any connection and ends only by its owner or by its expiry.
 */
export function postgresLocks(pool: Db, table: string): LockStore {
  return {
    async acquire(key, ttlMs) {
      const { rows } = await pool.query<{ token: string }>(
        `INSERT INTO ${table} (key, token, expires_at) VALUES ($1, gen_random_uuid()::text, ${NOW_MS} + $2)
         ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at
         WHERE ${table}.expires_at <= ${NOW_MS}
         RETURNING token`,
        [key, Math.round(ttlMs)],
      );
      return rows[0]?.token ?? null;
    },
    async extend(key, token, ttlMs) {
      const r = await pool.query(
        `UPDATE ${table} SET expires_at = ${NOW_MS} + $1 WHERE key = $2 AND token = $3 AND expires_at > ${NOW_MS}`,
        [Math.round(ttlMs), key, token],
      );
      return r.rowCount === 1;
    },
    async release(key, token) {
      // The token is unique, so an expired lock already taken over by someone else is never deleted here.
      await pool.query(`DELETE FROM ${table} WHERE key = $1 AND token = $2`, [key, token]);
    },
  };
}
