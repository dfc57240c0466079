import { join } from 'node:path';
import { type KillOptions, type KillResult, runKill } from './scenario-kill.js';

/** What the SQLite kill -9 scenario saw. */
export type SqliteKillResult = KillResult;

/** The kill -9 scenario ({@link runKill}) on a SQLite file in `dir`. */
export function runSqliteKill(o: Omit<KillOptions, 'store'>): Promise<SqliteKillResult> {
  return runKill({ ...o, store: { kind: 'sqlite', path: join(o.dir, 'gateway.db') } });
}
