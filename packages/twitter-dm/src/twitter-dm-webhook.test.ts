import { catchLoketError as failure, signedXRequest, signX, xCrcRequest } from '@loket/testing';
import { describe, expect, it } from 'vitest';
import { twitterDm } from './index.js';

const credentials = { kind: 'oauth1', consumerKey: 'ck', consumerSecret: 'cs', token: 't', tokenSecret: 'ts' } as const;
const BODY = '{"for_user_id":"2244994945","direct_message_events":[]}';
const legacy = twitterDm({ consumerSecret: 'consumer-secret', credentials });
const both = twitterDm({ consumerSecret: 'consumer-secret', clientSecret: 'client-secret', credentials });
const OAUTH2 = 'x-twitter-webhooks-signature-oauth2' as const;

describe('twitterDm options', () => {
  it('fails at construction with CONFIG naming a missing or empty secret', async () => {
    const missing = await failure(() => twitterDm({ credentials } as never));
    expect(missing.code).toBe('CONFIG');
    expect(missing.message).toBe(
      '[loket] [twitter-dm] consumerSecret is missing: pass it to twitterDm({...}) or set TWITTER_DM_CONSUMER_SECRET',
    );
    const empty = await failure(() => twitterDm({ consumerSecret: 'x', credentials: { ...credentials, token: '' } }));
    expect(empty.message).toContain('credentials');
    expect((await failure(() => twitterDm({ consumerSecret: 'x' } as never))).message).toContain(
      'credentials is missing',
    );
  });
});

describe('CRC handshake', () => {
  const token = 'YzE2ZjQ5NDgtYzQxYS00ZDBl';
  const answer = (secret: string) => JSON.stringify({ response_token: signX(token, secret) });

  it('answers with sha256=<base64 HMAC> of the token: client secret when configured, else consumer secret', () => {
    expect(legacy.handshake(xCrcRequest({ crcToken: token }))).toMatchObject({
      status: 200,
      body: answer('consumer-secret'),
    });
    expect(both.handshake(xCrcRequest({ crcToken: token }))).toMatchObject({
      status: 200,
      body: answer('client-secret'),
    });
    const consumer = twitterDm({
      consumerSecret: 'consumer-secret',
      clientSecret: 'client-secret',
      credentials,
      crcSecret: 'consumer',
    });
    expect(consumer.handshake(xCrcRequest({ crcToken: token }))?.body).toBe(answer('consumer-secret'));
  });

  it('refuses an empty token and a token that is not a plain short token (no signing oracle)', () => {
    expect(legacy.handshake(xCrcRequest({ crcToken: '' }))?.status).toBe(400);
    for (const bad of [BODY, 'a b', 'x'.repeat(257), '<script>']) {
      const reply = legacy.handshake(xCrcRequest({ crcToken: bad }));
      expect(reply?.status, bad).toBe(400);
      expect(reply?.body).not.toContain('sha256=');
    }
  });

  it('leaves requests that are no CRC check alone', () => {
    expect(legacy.handshake(signedXRequest({ body: BODY, secret: 'consumer-secret' }))).toBeUndefined();
    expect(
      legacy.handshake({ ...xCrcRequest({ crcToken: token }), url: 'http://localhost/webhooks/twitter-dm' }),
    ).toBeUndefined();
  });
});

describe('signatures', () => {
  it('accepts the legacy header with the consumer secret, and the OAuth 2.0 header with the client secret', async () => {
    await expect(
      Promise.resolve(legacy.verify(signedXRequest({ body: BODY, secret: 'consumer-secret' }))),
    ).resolves.toBeUndefined();
    const req = signedXRequest({ body: BODY, secret: 'client-secret', header: OAUTH2 });
    await expect(Promise.resolve(both.verify(req))).resolves.toBeUndefined();
  });

  it('judges a request with the OAuth 2.0 header by it alone: never downgraded to a valid legacy header', async () => {
    const req = signedXRequest({
      body: BODY,
      secret: 'consumer-secret',
      headers: { [OAUTH2]: signX(BODY, 'wrong-secret') },
    });
    const err = await failure(() => both.verify(req));
    expect(err.code).toBe('SIGNATURE_INVALID');
    expect(err.message).toContain('x-twitter-webhooks-signature-oauth2 does not match');
  });

  it('takes the legacy header alone when a client secret is configured, unless requireOAuth2Signature', async () => {
    const req = signedXRequest({ body: BODY, secret: 'consumer-secret' });
    await expect(Promise.resolve(both.verify(req))).resolves.toBeUndefined();
    const strict = twitterDm({
      consumerSecret: 'consumer-secret',
      clientSecret: 'client-secret',
      credentials,
      requireOAuth2Signature: true,
    });
    expect((await failure(() => strict.verify(req))).message).toContain('requireOAuth2Signature');
  });

  it('says why a signature fails: hex instead of base64, the wrong secret, only the OAuth 2.0 header', async () => {
    const hex = `sha256=${Buffer.from(signX(BODY, 'consumer-secret').slice(7), 'base64').toString('hex')}`;
    const asHex = signedXRequest({ body: BODY, secret: 'x', headers: { 'x-twitter-webhooks-signature': hex } });
    expect((await failure(() => legacy.verify(asHex))).message).toContain('looks like hex');
    const wrong = signedXRequest({ body: BODY, secret: 'client-secret' });
    expect((await failure(() => legacy.verify(wrong))).message).toContain('check the consumer secret');
    const only2 = signedXRequest({ body: BODY, secret: 'client-secret', header: OAUTH2 });
    expect((await failure(() => legacy.verify(only2))).message).toContain(
      'pass the OAuth 2.0 client secret as clientSecret',
    );
  });
});
