import { catchLoketError } from '@loket/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { webchat } from './webchat-adapter.js';
import { resolveWebchatOptions } from './webchat-options.js';

const SECRET = 'a-webchat-secret-of-32-characters';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('webchat() options and the environment', () => {
  it('reads WEBCHAT_IDENTITY_SECRET, WEBCHAT_ALLOWED_ORIGINS (comma-separated) and WEBCHAT_SITE_ID', () => {
    vi.stubEnv('WEBCHAT_IDENTITY_SECRET', SECRET);
    vi.stubEnv('WEBCHAT_ALLOWED_ORIGINS', 'https://shop.example, https://www.shop.example');
    vi.stubEnv('WEBCHAT_SITE_ID', 'shop');
    const options = resolveWebchatOptions({});
    expect(options.keys).toEqual([{ secret: SECRET }]);
    expect([...options.allowedOrigins]).toEqual(['https://shop.example', 'https://www.shop.example']);
    expect(options.siteId).toBe('shop');
    expect(webchat().channel).toBe('webchat');
  });

  it('lets explicit options win over the environment', () => {
    vi.stubEnv('WEBCHAT_IDENTITY_SECRET', SECRET);
    vi.stubEnv('WEBCHAT_ALLOWED_ORIGINS', 'https://shop.example');
    const options = resolveWebchatOptions({ allowedOrigins: ['https://other.example'], siteId: 'explicit' });
    expect([...options.allowedOrigins]).toEqual(['https://other.example']);
    expect(options.siteId).toBe('explicit');
  });

  it('names the variable of a missing option, and a misspelt option as unknown first', async () => {
    vi.stubEnv('WEBCHAT_ALLOWED_ORIGINS', 'https://shop.example');
    const missing = await catchLoketError(() => webchat());
    expect(missing.code).toBe('CONFIG');
    expect(missing.message).toContain(
      'identitySecret is missing: pass it to webchat({...}) or set WEBCHAT_IDENTITY_SECRET',
    );
    const typo = await catchLoketError(() => webchat({ identitySecert: SECRET } as never));
    expect(typo.message).toMatch(
      /^\[loket\] \[webchat\] identitySecert is not an option of webchat\(\{\.\.\.\}\) \(did you mean identitySecret\?\)/,
    );
  });
});
