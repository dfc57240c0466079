import Database from 'better-sqlite3';
import { LoketError } from '@loket/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './sqlite-store.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';
import { entry, tempDir } from './test-support/temp-db.js';

function configError(fn: () => unknown): LoketError {
  try {
    fn();
  } catch (err) {
    if (LoketError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a LoketError');
}

/** Turns a current file back into what schema version 2 wrote. */
const UNDO_V3 = `DROP INDEX log_key; ALTER TABLE log DROP COLUMN key;
  DROP INDEX log_heads_updated; ALTER TABLE log_heads DROP COLUMN channel; ALTER TABLE log_heads DROP COLUMN account;
  ALTER TABLE log_heads DROP COLUMN user; ALTER TABLE log_heads DROP COLUMN updated_at;
  DROP TABLE contacts; DROP TABLE kv; DROP TABLE rates; ALTER TABLE conversations DROP COLUMN controller;`;

describe('sqliteStore options and schema', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('refuses a missing path with CONFIG, naming the option', () => {
    const err = configError(() => sqliteStore({} as never));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(
      '[loket] [store-sqlite] path is missing: pass a file path (or ":memory:" for tests) to sqliteStore({...})',
    );
  });

  it('names an unknown option, with the one it most likely meant', () => {
    const err = configError(() => sqliteStore({ path: ':memory:', busyTimeout: 1 } as never));
    expect(err).toMatchObject({ code: 'CONFIG', details: { option: 'busyTimeout' } });
    expect(err.message).toBe(
      '[loket] [store-sqlite] busyTimeout is not an option of sqliteStore({...}) (did you mean busyTimeoutMs?)',
    );
  });

  it('refuses a bad retention value with CONFIG', () => {
    const err = configError(() => sqliteStore({ path: dir.file(), retention: { logDays: -1 } }));
    expect(err).toMatchObject({ code: 'CONFIG', details: { option: 'retention.logDays' } });
  });

  it('refuses a file it cannot open with CONFIG', () => {
    const err = configError(() => sqliteStore({ path: dir.file('missing-folder/loket.db') }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain('missing-folder');
  });

  it('says it is durable on a file, and not in memory', async () => {
    const onFile = sqliteStore({ path: dir.file() });
    const inMemory = sqliteStore({ path: ':memory:' });
    expect([onFile.durable, inMemory.durable]).toEqual([true, false]);
    await onFile.close();
    await inMemory.close();
  });

  it('opens the file in WAL mode and records its schema version once', async () => {
    await sqliteStore({ path: dir.file() }).close();
    await sqliteStore({ path: dir.file() }).close();
    const db = new Database(dir.file(), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: SCHEMA_VERSION }]);
    db.close();
  });

  it('migrates a file of schema version 1 (before the outbox), keeping its inbox', async () => {
    const first = sqliteStore({ path: dir.file() });
    const queued = await first.inbox.enqueue(entry('{"old":1}'));
    await first.close();
    const db = new Database(dir.file());
    db.exec(`${UNDO_V3} DROP TABLE outbox; UPDATE schema_version SET version = 1`);
    db.close();
    const second = sqliteStore({ path: dir.file() });
    expect((await second.inbox.lease({ limit: 5, leaseMs: 60_000 })).map((i) => i.id)).toEqual([queued]);
    const [job] = await second.outbox.enqueue([{ batch: 'b', payload: '{}', createdAt: 1 }]);
    expect((await second.outbox.batch('b')).map((r) => r.id)).toEqual([job]);
    await second.close();
  });

  it('migrates a file of schema version 2 (before keyed logs), listing its logs with their refs', async () => {
    const ref = { channel: 'whatsapp' as const, account: 'a:1', user: 'u' };
    const first = sqliteStore({ path: dir.file() });
    await first.conversations.recordInbound(ref, 5);
    await first.log.append(ref, { at: 7, kind: 'in', data: 'old' });
    await first.close();
    const db = new Database(dir.file());
    db.exec(`${UNDO_V3} UPDATE schema_version SET version = 2`);
    db.close();
    const second = sqliteStore({ path: dir.file() });
    expect(await second.log.conversations()).toEqual({ items: [{ ref, head: 1, updatedAt: 7 }] });
    const again = await second.log.append(ref, { at: 8, kind: 'in', data: 'new', key: 'k' });
    expect(again).toEqual({ created: true, entry: { seq: 2, at: 8, kind: 'in', data: 'new', key: 'k' } });
    await second.close();
  });

  it('refuses a file written by a newer version of the package', () => {
    const db = new Database(dir.file());
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99)');
    db.close();
    const err = configError(() => sqliteStore({ path: dir.file() }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain('schema version 99');
  });
});
