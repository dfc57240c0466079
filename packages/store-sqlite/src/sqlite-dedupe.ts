import type { DedupeStore } from '@loket/core';
import type { Database } from 'better-sqlite3';
import { newToken } from './sqlite-token.js';

/**
 * The dedupe claims of `sqliteStore`. `claim` is one upsert that only overwrites an expired row, so exactly one
 * of several racing claimers (in any process on the file) gets a token; the rest see `changes === 0`.
 */
export function sqliteDedupe(db: Database, now: () => number): DedupeStore {
  const claim = db.prepare(
    `INSERT INTO dedupe (key, token, done, expires_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (key) DO UPDATE SET token = excluded.token, done = 0, expires_at = excluded.expires_at
     WHERE dedupe.expires_at <= ?`,
  );
  const isDone = db.prepare('SELECT 1 FROM dedupe WHERE key = ? AND done = 1 AND expires_at > ?');
  const complete = db.prepare('UPDATE dedupe SET done = 1, expires_at = ? WHERE key = ? AND token = ?');
  const release = db.prepare('DELETE FROM dedupe WHERE key = ? AND token = ? AND done = 0');

  return {
    async claim(key, ttlMs) {
      const at = now();
      const token = newToken();
      return claim.run(key, token, at + ttlMs, at).changes === 1 ? token : null;
    },
    async isDone(key) {
      return isDone.get(key, now()) !== undefined;
    },
    async complete(key, token, ttlMs) {
      complete.run(now() + ttlMs, key, token);
    },
    async release(key, token) {
      release.run(key, token);
    },
  };
}
