import { LoketError, loketMessage } from '@loket/core';
import Database from 'better-sqlite3';
import type { ResolvedSqliteOptions } from './sqlite-options.js';
import { migrate } from './sqlite-schema.js';

/**
 * Opens (or creates) the database file in WAL mode and migrates it. WAL lets readers and one writer work at once
 * and makes each commit one append; the busy timeout makes a second process wait for the write lock instead of
 * failing at once.
 */
export function openDatabase(options: ResolvedSqliteOptions): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (err) {
    throw new LoketError(
      'CONFIG',
      loketMessage(
        'store-sqlite',
        `cannot open ${options.path}: ${(err as Error).message}; check the path and its folder`,
      ),
      { cause: err },
    );
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    // Deleted rows are overwritten with zeros, so an erased person's bytes do not stay behind in free pages.
    db.pragma('secure_delete = ON');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
