import type { KeyValueStore } from '@loket/core';
import type { Database } from 'better-sqlite3';

/**
 * The key-value entries of `sqliteStore`. An expired row counts as absent at once (every read compares with the
 * clock) and the retention sweep deletes it later; `ifAbsent` is one upsert whose WHERE only lets an expired row
 * be replaced, so two processes racing for a key cannot both win.
 */
export function sqliteKv(db: Database, now: () => number): KeyValueStore {
  const get = db.prepare('SELECT value FROM kv WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)');
  const set = db.prepare(
    `INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
  );
  const setIfAbsent = db.prepare(
    `INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
     WHERE kv.expires_at IS NOT NULL AND kv.expires_at <= @now`,
  );
  const remove = db.prepare('DELETE FROM kv WHERE key = ?');

  return {
    async get(key) {
      return (get.get(key, now()) as { value: string } | undefined)?.value;
    },
    async set(key, value, options = {}) {
      const at = now();
      const params = { key, value, expiresAt: options.ttlMs === undefined ? null : at + options.ttlMs, now: at };
      if (!options.ifAbsent) {
        set.run(params);
        return true;
      }
      return setIfAbsent.run(params).changes === 1;
    },
    async delete(key) {
      remove.run(key);
    },
  };
}
