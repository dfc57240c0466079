import type { RateStore } from '@loket/core';
import type pg from 'pg';
import { NOW_MS } from './postgres-names.js';

/**
 * Shared rate limits of `postgresStore`: a token bucket per key (capacity `count`, refilled at count / windowMs),
 * taken in one upsert. The row lock of ON CONFLICT orders racing takers in every process; the row keeps whether
 * the last take succeeded, so the answer (0, or the ms until one unit is back) comes from the same statement.
 */
export function postgresRates(pool: pg.Pool, table: string): RateStore {
  // The bucket after refilling since the last take, never above capacity ($2 units per $3 ms).
  const refilled = `least($2::double precision, ${table}.tokens + (${NOW_MS} - ${table}.updated_at) * $2::double precision / $3)`;
  return {
    async take(key, { count, windowMs }) {
      if (count <= 0) return Math.max(1, Math.ceil(windowMs));
      const { rows } = await pool.query<{ tokens: number; taken: boolean }>(
        `INSERT INTO ${table} (key, tokens, taken, updated_at, window_ms) VALUES ($1, $2::double precision - 1, true, ${NOW_MS}, $3)
         ON CONFLICT (key) DO UPDATE SET
           taken = ${refilled} >= 1,
           tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
           updated_at = ${NOW_MS},
           window_ms = excluded.window_ms
         RETURNING tokens, taken`,
        [key, count, Math.max(1, Math.round(windowMs))],
      );
      const row = rows[0];
      if (!row || row.taken) return 0;
      return Math.max(1, Math.ceil(((1 - row.tokens) * windowMs) / count));
    },
  };
}
