import { LoketError } from '@loket/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metaOptionsSchema, metaOptionsShape, parseMetaOptions } from './meta-options.js';

const name = { channel: 'whatsapp', factory: 'whatsapp' };
const valid = { appSecret: 'app-secret-value', verifyToken: 'verify-token-value', accessToken: 'EAAG-token-value' };

function configError(input: unknown, schema: z.ZodType = metaOptionsSchema): LoketError {
  try {
    parseMetaOptions(schema, input, name);
  } catch (err) {
    if (LoketError.is(err)) return err;
  }
  throw new Error('expected a LoketError');
}

describe('parseMetaOptions', () => {
  it('returns the checked options', () => {
    expect(parseMetaOptions(metaOptionsSchema, { ...valid, graphVersion: 'v26.0' }, name)).toEqual({
      ...valid,
      graphVersion: 'v26.0',
    });
  });

  it.each(['appSecret', 'verifyToken', 'accessToken'])('names a missing %s and the factory', (key) => {
    const err = configError({ ...valid, [key]: undefined });
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(`[loket] [whatsapp] ${key} is missing: pass it to whatsapp({...})`);
    expect(err.details).toEqual({ option: key });
  });

  it('says an option is empty or of the wrong type, never echoing secrets', () => {
    expect(configError({ ...valid, appSecret: '  ' }).message).toBe(
      '[loket] [whatsapp] appSecret is empty: pass it to whatsapp({...})',
    );
    const err = configError({ ...valid, accessToken: 12345 });
    expect(err.message).toMatch(
      /^\[loket\] \[whatsapp\] accessToken is invalid \(.*got number\): pass it to whatsapp\(\{\.\.\.\}\)$/,
    );
    expect(configError({ ...valid, verifyToken: '' }).message).not.toContain(valid.appSecret);
  });

  it('explains a bad graphVersion, apiBaseUrl or logger', () => {
    expect(configError({ ...valid, graphVersion: '25' }).message).toMatch(
      /graphVersion is invalid \(not a Graph API version\): use the form v25\.0 in whatsapp\(\{\.\.\.\}\)/,
    );
    expect(configError({ ...valid, apiBaseUrl: 'localhost:4010' }).message).toMatch(/apiBaseUrl "localhost:4010"/);
    expect(configError({ ...valid, logger: {} }).message).toMatch(/logger must have debug, info, warn and error/);
  });

  it('says when there are no options at all', () => {
    expect(configError(undefined).message).toBe('[loket] [whatsapp] appSecret is missing: pass it to whatsapp({...})');
    expect(configError('nope').message).toMatch(/options must be an object/);
  });

  it('serves product schemas built from the shared shape', () => {
    const schema = z.object({ ...metaOptionsShape, pageId: z.string().min(1) });
    expect(configError({ ...valid }, schema).message).toBe(
      '[loket] [whatsapp] pageId is missing: pass it to whatsapp({...})',
    );
  });
});
