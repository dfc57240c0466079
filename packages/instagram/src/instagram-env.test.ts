import { catchLoketError, signedMetaRequest } from '@loket/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instagram } from './instagram.js';

const challenge = (token: string) => ({
  method: 'GET',
  url: `https://example.test/webhooks/instagram?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${token}`,
  headers: new Headers(),
  body: new Uint8Array(),
});
const body = '{"object":"instagram","entry":[]}';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('instagram() and the environment', () => {
  it('reads INSTAGRAM_APP_SECRET, _VERIFY_TOKEN and _ACCESS_TOKEN for options it is not given; explicit ones win', () => {
    vi.stubEnv('INSTAGRAM_APP_SECRET', 'env-app-secret');
    vi.stubEnv('INSTAGRAM_VERIFY_TOKEN', 'env-verify-token');
    vi.stubEnv('INSTAGRAM_ACCESS_TOKEN', 'env-access-token');
    const adapter = instagram();
    expect(adapter.handshake(challenge('env-verify-token'))).toMatchObject({ status: 200, body: '42' });
    expect(() =>
      adapter.verify(signedMetaRequest({ channel: 'instagram', body, secret: 'env-app-secret' })),
    ).not.toThrow();
    const explicit = instagram({ verifyToken: 'explicit-token' });
    expect(explicit.handshake(challenge('env-verify-token'))?.status).toBe(403);
  });

  it('names the variable of a missing option, and a misspelt option as unknown', async () => {
    vi.stubEnv('INSTAGRAM_APP_SECRET', 's');
    vi.stubEnv('INSTAGRAM_VERIFY_TOKEN', 'v');
    const missing = await catchLoketError(() => instagram());
    expect(missing.message).toBe(
      '[loket] [instagram] accessToken is missing: pass it to instagram({...}) or set INSTAGRAM_ACCESS_TOKEN',
    );
    const typo = await catchLoketError(() => instagram({ acessToken: 't' } as never));
    expect(typo.message).toContain('acessToken is not an option of instagram({...}) (did you mean accessToken?)');
  });
});
