import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoketError } from '../errors.js';
import {
  baseUrlSchema,
  loggerOptionSchema,
  parseAdapterOptions,
  parseOptions,
  secretSchema,
} from './adapter-options.js';
import { eventId, fragmentHash } from './stable-id.js';

const schema = z.object({ secret: secretSchema, apiBaseUrl: baseUrlSchema.optional() });
const owner = { channel: 'toy', factory: 'toy', usage: 'toy({ secret })' };
const problem = (input: unknown): LoketError => {
  try {
    parseAdapterOptions(schema, input, owner);
  } catch (err) {
    if (LoketError.is(err)) return err;
  }
  throw new Error('expected a CONFIG error');
};

describe('parseAdapterOptions', () => {
  it('answers the checked options', () => {
    expect(parseAdapterOptions(schema, { secret: 's' }, owner)).toEqual({ secret: 's' });
  });

  it('names the missing, empty or invalid option in a CONFIG error, never echoing a secret', () => {
    expect(problem({}).message).toBe('[loket] [toy] secret is missing: pass it to toy({...})');
    expect(problem({ secret: ' ' }).message).toContain('secret is empty');
    expect(problem({ secret: 's', apiBaseUrl: 'ftp://x' }).message).toContain('"ftp://x" is not an http(s) URL');
    expect(problem('nope').code).toBe('CONFIG');
    expect(problem({ secret: 42 }).details).toEqual({ option: 'secret' });
  });

  it('says what a logger needs, and uses an owner hint instead of "pass it to"', () => {
    const withLogger = z.object({ logger: loggerOptionSchema.optional(), version: z.string().regex(/^v\d+$/) });
    const hinted = { ...owner, hints: { version: 'use the form v1 in toy({...})' } };
    const fail = (input: unknown) => () => parseOptions(withLogger, input, hinted);
    expect(fail({ version: 'v1', logger: {} })).toThrow(
      '[loket] [toy] logger must have debug, info, warn and error methods (pino fits): pass it to toy({...})',
    );
    expect(fail({ version: '1.0' })).toThrow(/^\[loket\] \[toy\] version is invalid \(.*\): use the form v1 in toy/);
    expect(fail({ version: '1.0' })).not.toThrow(/1\.0/);
    expect(fail({})).toThrow('[loket] [toy] version is missing: use the form v1 in toy({...})');
  });

  it('is also exported under its earlier name', () => {
    expect(parseAdapterOptions).toBe(parseOptions);
  });
});

describe('eventId and fragmentHash', () => {
  it('joins parts, keeping empty positions, and hashes JSON whatever its key order', () => {
    expect(eventId('read', 'a', undefined, 5)).toBe('read:a::5');
    expect(fragmentHash({ a: 1, b: [2] })).toBe(fragmentHash({ b: [2], a: 1 }));
    expect(fragmentHash({ a: 1 })).toMatch(/^[0-9a-f]{32}$/);
  });
});
