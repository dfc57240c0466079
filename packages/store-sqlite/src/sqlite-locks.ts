import type { LockStore } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { newToken } from './sqlite-token.js';

/** The locks of `sqliteStore`: like claims, one upsert that only takes over an expired lock. */
export function sqliteLocks(db: Database, now: () => number): LockStore {
  const acquire = db.prepare(
    `INSERT INTO locks (key, token, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at
     WHERE locks.expires_at <= ?`,
  );
  const extend = db.prepare('UPDATE locks SET expires_at = ? WHERE key = ? AND token = ? AND expires_at > ?');
  const release = db.prepare('DELETE FROM locks WHERE key = ? AND token = ?');

  return {
    async acquire(key, ttlMs) {
      const at = now();
      const token = newToken();
      return acquire.run(key, token, at + ttlMs, at).changes === 1 ? token : null;
    },
    async extend(key, token, ttlMs) {
      const at = now();
      return extend.run(at + ttlMs, key, token, at).changes === 1;
    },
    async release(key, token) {
      // The token is unique, so an expired lock already taken over by someone else is never deleted here.
      release.run(key, token);
    },
  };
}
