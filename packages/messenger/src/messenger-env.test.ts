import { catchLoketError, signedMetaRequest } from '@loket/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messenger } from './messenger.js';

const challenge = (token: string) => ({
  method: 'GET',
  url: `https://example.test/webhooks/messenger?hub.mode=subscribe&hub.challenge=42&hub.verify_token=${token}`,
  headers: new Headers(),
  body: new Uint8Array(),
});
const body = '{"object":"page","entry":[]}';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('messenger() and the environment', () => {
  it('reads MESSENGER_APP_SECRET, _VERIFY_TOKEN and _ACCESS_TOKEN for options it is not given; explicit ones win', () => {
    vi.stubEnv('MESSENGER_APP_SECRET', 'env-app-secret');
    vi.stubEnv('MESSENGER_VERIFY_TOKEN', 'env-verify-token');
    vi.stubEnv('MESSENGER_ACCESS_TOKEN', 'env-access-token');
    const adapter = messenger();
    expect(adapter.handshake(challenge('env-verify-token'))).toMatchObject({ status: 200, body: '42' });
    expect(() =>
      adapter.verify(signedMetaRequest({ channel: 'messenger', body, secret: 'env-app-secret' })),
    ).not.toThrow();
    const explicit = messenger({ verifyToken: 'explicit-token' });
    expect(explicit.handshake(challenge('env-verify-token'))?.status).toBe(403);
  });

  it('names the variable of a missing option, and a misspelt option as unknown', async () => {
    vi.stubEnv('MESSENGER_APP_SECRET', 's');
    vi.stubEnv('MESSENGER_VERIFY_TOKEN', 'v');
    const missing = await catchLoketError(() => messenger());
    expect(missing.message).toBe(
      '[loket] [messenger] accessToken is missing: pass it to messenger({...}) or set MESSENGER_ACCESS_TOKEN',
    );
    const typo = await catchLoketError(() => messenger({ acessToken: 't' } as never));
    expect(typo.message).toContain('acessToken is not an option of messenger({...}) (did you mean accessToken?)');
  });
});
