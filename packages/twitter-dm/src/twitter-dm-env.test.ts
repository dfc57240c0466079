import { catchLoketError, signX, xCrcRequest } from '@loket/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { twitterDm } from './index.js';

const token = 'YzE2ZjQ5NDgtYzQxYS00ZDBl';
const answer = (secret: string) => JSON.stringify({ response_token: signX(token, secret) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('twitterDm() and the environment', () => {
  it('reads TWITTER_DM_CONSUMER_SECRET and the OAuth 1.0a credentials when called without options', () => {
    vi.stubEnv('TWITTER_DM_CONSUMER_SECRET', 'env-consumer-secret');
    vi.stubEnv('TWITTER_DM_CONSUMER_KEY', 'env-consumer-key');
    vi.stubEnv('TWITTER_DM_ACCESS_TOKEN', '2244994945-env-token');
    vi.stubEnv('TWITTER_DM_ACCESS_TOKEN_SECRET', 'env-token-secret');
    expect(twitterDm().handshake(xCrcRequest({ crcToken: token }))?.body).toBe(answer('env-consumer-secret'));
    const explicit = twitterDm({ consumerSecret: 'explicit-secret' });
    expect(explicit.handshake(xCrcRequest({ crcToken: token }))?.body).toBe(answer('explicit-secret'));
  });

  it('builds OAuth 2.0 credentials when TWITTER_DM_REFRESH_TOKEN is set, and names what is missing', async () => {
    vi.stubEnv('TWITTER_DM_CONSUMER_SECRET', 'env-consumer-secret');
    vi.stubEnv('TWITTER_DM_CLIENT_SECRET', 'env-client-secret');
    vi.stubEnv('TWITTER_DM_CLIENT_ID', 'env-client-id');
    vi.stubEnv('TWITTER_DM_ACCESS_TOKEN', 'env-access');
    vi.stubEnv('TWITTER_DM_REFRESH_TOKEN', 'env-refresh');
    expect(twitterDm().handshake(xCrcRequest({ crcToken: token }))?.body).toBe(answer('env-client-secret'));
    vi.stubEnv('TWITTER_DM_ACCESS_TOKEN', '');
    const missing = await catchLoketError(() => twitterDm());
    expect(missing.message).toBe(
      '[loket] [twitter-dm] credentials is missing: pass it to twitterDm({...}) or set TWITTER_DM_CONSUMER_KEY, TWITTER_DM_ACCESS_TOKEN and TWITTER_DM_ACCESS_TOKEN_SECRET (OAuth 1.0a)',
    );
    const typo = await catchLoketError(() => twitterDm({ consumerSecert: 'x' } as never));
    expect(typo.message).toContain(
      'consumerSecert is not an option of twitterDm({...}) (did you mean consumerSecret?)',
    );
  });
});
