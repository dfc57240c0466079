import { catchLoketError } from '@loket/testing';
import { describe, expect, it } from 'vitest';
import { redactConnectionString } from './postgres-connection.js';
import { postgresStore } from './postgres-store.js';

describe('postgresStore options', () => {
  it('refuses a missing or non-postgres connection with CONFIG, before any network call', async () => {
    const missing = await catchLoketError(postgresStore({} as never));
    expect(missing.code).toBe('CONFIG');
    expect(missing.message).toMatch(/^\[loket\] \[store-postgres\] connection is missing: pass \{ connectionString/);
    const wrong = await catchLoketError(postgresStore({ connectionString: 'mysql://root:hunter2@db/app' }));
    expect(wrong.code).toBe('CONFIG');
    expect(wrong.message).toContain('connectionString is not a postgres:// or postgresql:// URL');
    expect(wrong.message).not.toContain('hunter2');
  });

  it('refuses a schema or prefix that is not a plain lower-case SQL name, naming the option', async () => {
    const url = { connectionString: 'postgres://localhost/app' };
    const schema = await catchLoketError(postgresStore(url, { schema: 'Loket"; DROP TABLE x; --' }));
    expect(schema).toMatchObject({ code: 'CONFIG', details: { option: 'schema' } });
    const prefix = await catchLoketError(postgresStore(url, { tablePrefix: 'x'.repeat(41) }));
    expect(prefix).toMatchObject({ code: 'CONFIG', details: { option: 'tablePrefix' } });
    expect(prefix.message).toMatch(
      /^\[loket\] \[store-postgres\] tablePrefix is invalid \(.*\): pass it to postgresStore/,
    );
    const unknown = await catchLoketError(postgresStore(url, { tablPrefix: 'a' } as never));
    expect(unknown).toMatchObject({ code: 'CONFIG', details: { option: 'tablPrefix' } });
    expect(unknown.message).toContain(
      'tablPrefix is not an option of postgresStore({...}) (did you mean tablePrefix?)',
    );
  });
});

describe('redactConnectionString', () => {
  it('hides the password and password-like parameters, keeps the rest', () => {
    expect(redactConnectionString('postgres://loket:s3cret@db.internal:6432/app?sslmode=require&password=x')).toBe(
      'postgres://loket:***@db.internal:6432/app?sslmode=require&password=***',
    );
    expect(redactConnectionString('postgres://db/app')).toBe('postgres://db/app');
  });
});
