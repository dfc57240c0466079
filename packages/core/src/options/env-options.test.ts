import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envNames, withEnvOptions } from './env-options.js';
import { parseAdapterOptions, secretSchema } from './adapter-options.js';
import { closestName } from './unknown-options.js';

const schema = z.object({ secret: secretSchema, siteId: z.string().optional() });
const env = envNames('TOY', ['secret', 'siteId']);
const owner = { channel: 'toy', factory: 'toy', usage: 'toy({ secret })', env };

describe('withEnvOptions', () => {
  it('fills left-out options from TOY_* variables; explicit ones and empty variables do not take them', () => {
    expect(env).toEqual({ secret: 'TOY_SECRET', siteId: 'TOY_SITE_ID' });
    const vars = { TOY_SECRET: 'from-env', TOY_SITE_ID: '' };
    expect(withEnvOptions(undefined, env, vars)).toEqual({ secret: 'from-env' });
    expect(withEnvOptions({ secret: 'given' }, env, vars)).toEqual({ secret: 'given' });
    expect(withEnvOptions('nope', env, vars)).toBe('nope');
    const list = { origins: { name: 'TOY_ORIGINS', parse: (v: string) => v.split(',') } };
    expect(withEnvOptions({}, list, { TOY_ORIGINS: 'a,b' })).toEqual({ origins: ['a', 'b'] });
  });
});

describe('parseAdapterOptions with env and unknown keys', () => {
  it('names the variable of a missing option', () => {
    expect(() => parseAdapterOptions(schema, {}, owner)).toThrow(
      '[loket] [toy] secret is missing: pass it to toy({...}) or set TOY_SECRET',
    );
  });

  it('reports an unknown key before the option it left missing, with a suggestion', () => {
    expect(() => parseAdapterOptions(schema, { secert: 's' }, owner)).toThrow(
      '[loket] [toy] secert is not an option of toy({...}) (did you mean secret?)',
    );
    expect(() => parseAdapterOptions(schema, { secret: 's', zzzzzz: 1 }, owner)).toThrow(
      '[loket] [toy] zzzzzz is not an option of toy({...})',
    );
  });

  it('suggests the closest known name only when it is close', () => {
    expect(closestName('accesToken', ['appSecret', 'accessToken'])).toBe('accessToken');
    expect(closestName('acess-token', ['access-token', 'account'])).toBe('access-token');
    expect(closestName('colour', ['appSecret'])).toBeUndefined();
  });
});
