import { mkdirSync, writeFileSync } from 'node:fs';
import { catchLoketError } from '@loket/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './sqlite-store.js';
import { tempDir } from './test-support/temp-db.js';

// The tests run as root, which ignores file modes: each case here fails for reasons permissions do not change.
describe('sqliteStore on a path that cannot hold the store', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('refuses a file in a folder that does not exist with CONFIG, naming the path and the reason', async () => {
    const path = dir.file('no-such-folder/deeper/loket.db');
    const err = await catchLoketError(() => sqliteStore({ path }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain(`cannot open ${path}: `);
    expect(err.message).toContain('directory does not exist');
    expect(err.details).toMatchObject({ path });
  });

  it('refuses a folder with CONFIG, saying it is a folder', async () => {
    const path = dir.file('a-folder');
    mkdirSync(path);
    const err = await catchLoketError(() => sqliteStore({ path }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain(`cannot open ${path}: it is a folder, not a file`);
  });

  it('refuses a file that is not a SQLite database with CONFIG, not a raw SqliteError', async () => {
    const path = dir.file('notes.txt');
    writeFileSync(path, 'these are not the pages of a database, but a plain text file of some length\n'.repeat(20));
    const err = await catchLoketError(() => sqliteStore({ path }));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toContain(`cannot open ${path}: file is not a database`);
    expect(err.platformCode).toBe('SQLITE_NOTADB');
  });
});
