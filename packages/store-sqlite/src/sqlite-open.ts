import { statSync } from 'node:fs';
import { LoketError, loketMessage } from '@loket/core';
import Database from 'better-sqlite3';
import type { ResolvedSqliteOptions } from './sqlite-options.js';
import { migrate } from './sqlite-schema.js';

/** SQLite's answers that mean "this path is not a database file we can write", not a bug or a busy lock. */
const UNUSABLE_FILE = /^SQLITE_(READONLY|CANTOPEN|IOERR|PERM|NOTADB|CORRUPT|FULL|AUTH)/;

/** The CONFIG error for a path that cannot hold the store, naming the path and the reason. */
function cannotOpen(path: string, err: unknown): LoketError {
  const isFolder = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  const reason = isFolder ? 'it is a folder, not a file' : (err as Error).message;
  const code = (err as { code?: unknown }).code;
  return new LoketError(
    'CONFIG',
    loketMessage(
      'store-sqlite',
      `cannot open ${path}: ${reason}; pass a path to a writable file (or a new file in a folder that exists)`,
    ),
    { cause: err, details: { path, reason }, ...(typeof code === 'string' ? { platformCode: code } : {}) },
  );
}

/**
 * Opens (or creates) the database file in WAL mode and migrates it. WAL lets readers and one writer work at once
 * and makes each commit one append; the busy timeout makes a second process wait for the write lock instead of
 * failing at once. A path that cannot hold the store (a missing folder, a folder, a file that is not a database,
 * one that cannot be written) fails here with CONFIG, at `sqliteStore()`, not at the first webhook.
 */
export function openDatabase(options: ResolvedSqliteOptions): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (err) {
    throw cannotOpen(options.path, err);
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
    const code = (err as { code?: unknown }).code;
    if (!LoketError.is(err) && typeof code === 'string' && UNUSABLE_FILE.test(code))
      throw cannotOpen(options.path, err);
    throw err;
  }
  return db;
}
