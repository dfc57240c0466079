import type { RateStore } from '@loket/core';
import type { Db } from './postgres-db.js';
import { NOW_MS } from './postgres-names.js';

/**
 * Shared rate limits of `postgresStore`: the GCRA of core's `gcraStep` (a theoretical arrival time per key; a
 * unit costs windowMs / count and is taken while the new tat stays within one window of now), as one upsert.
 * The row lock of ON CONFLICT orders racing takers in every process. The server clock is read once (`at`, kept in
 * the row with the outcome), so the answer, 0 or the ms to wait, comes from the same statement.
 */
export function postgresRates(pool: Db, table: string): RateStore {
  // $2 = cost (ms per unit), $3 = windowMs. excluded.at is this take's now; the new tat if a unit is taken:
  const next = `greatest(${table}.tat, excluded.at) + $2::double precision`;
  const fits = `${next} - excluded.at <= $3::double precision`;
  return {
    async take(key, { count, windowMs }) {
      const cost = windowMs / Math.max(1, count);
      const { rows } = await pool.query<{ tat: number; at: string; taken: boolean }>(
        `INSERT INTO ${table} (key, tat, at, taken)
         SELECT $1, c.now + $2::double precision, c.now, true FROM (SELECT ${NOW_MS} AS now) c
         ON CONFLICT (key) DO UPDATE SET
           tat = CASE WHEN ${fits} THEN ${next} ELSE ${table}.tat END,
           taken = ${fits},
           at = excluded.at
         RETURNING tat, at, taken`,
        [key, cost, windowMs],
      );
      const row = rows[0];
      if (!row || row.taken) return 0;
      return Math.max(1, Math.ceil(row.tat + cost - Number(row.at) - windowMs));
    },
  };
}
