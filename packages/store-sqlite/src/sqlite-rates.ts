import { type RateStore, gcraStep } from '@loket/core';
import type { Database } from 'better-sqlite3';

/**
 * The rate limits of `sqliteStore`, shared by every process on the file: the key's theoretical arrival time is
 * read and written in one BEGIN IMMEDIATE transaction, so two processes never take the same unit.
 */
export function sqliteRates(db: Database, now: () => number): RateStore {
  const read = db.prepare('SELECT tat FROM rates WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO rates (key, tat) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET tat = excluded.tat',
  );
  const take = db.transaction((key: string, limit: { count: number; windowMs: number }) => {
    const row = read.get(key) as { tat: number } | undefined;
    const step = gcraStep(row?.tat, now(), limit);
    if (step.tat !== undefined) write.run(key, step.tat);
    return step.waitMs;
  });
  return {
    async take(key, limit) {
      return take.immediate(key, limit);
    },
  };
}
