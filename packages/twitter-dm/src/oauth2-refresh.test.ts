import { memoryStore, silentLogger, type Store } from '@loket/core';
import { catchLoketError as failure } from '@loket/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TwitterDmAdapter, twitterDm, type XTokens } from './index.js';

const API = 'https://api.x.com';
const BIZ = '2244994945';
const ADA = '3805104374';
const to = { channel: 'twitter-dm' as const, account: BIZ, user: ADA };
const text = { type: 'text' as const, text: 'Hi' };
const dmPath = `/2/dm_conversations/with/${ADA}/messages`;
const ok = { data: { dm_conversation_id: `${BIZ}-${ADA}`, dm_event_id: '1871000000000000900' } };

function oauth2Adapter(store: Store | undefined, saved: XTokens[], clientSecret?: string): TwitterDmAdapter {
  const adapter = twitterDm({
    consumerSecret: 'cs',
    userId: BIZ,
    credentials: {
      kind: 'oauth2',
      clientId: 'client-id',
      ...(clientSecret ? { clientSecret } : {}),
      accessToken: 'old-access',
      refreshToken: 'old-refresh',
      onTokens: (tokens) => {
        saved.push(tokens);
      },
    },
    transport: { sleep: async () => {} },
    now: () => 1_000_000,
  });
  if (store) adapter.bind?.({ store, logger: silentLogger, now: () => 1_000_000, enqueue: async () => 'unused' });
  return adapter;
}

/** X answers 401 to the old token and 201 to the new one; the token endpoint may be called `refreshes` times. */
function xWithExpiredToken(refreshes = 1) {
  const bodies: Record<string, string>[] = [];
  nock(API)
    .post(dmPath)
    .matchHeader('authorization', 'Bearer old-access')
    .times(20)
    .optionally()
    .reply(401, { title: 'Unauthorized', status: 401, detail: 'Unauthorized' })
    .post(dmPath)
    .matchHeader('authorization', 'Bearer new-access')
    .times(20)
    .optionally()
    .reply(201, ok)
    .post('/2/oauth2/token', (body: Record<string, string>) => {
      if (typeof body === 'object' && body !== null && 'grant_type' in body) bodies.push(body);
      return true;
    })
    .times(refreshes)
    .reply(200, { token_type: 'bearer', expires_in: 7200, access_token: 'new-access', refresh_token: 'new-refresh' });
  return bodies;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('OAuth 2.0 refresh', () => {
  it('refreshes once on 401 for concurrent sends, retries them, and hands the new pair to onTokens', async () => {
    const bodies = xWithExpiredToken(1);
    const saved: XTokens[] = [];
    const adapter = oauth2Adapter(undefined, saved);
    const receipts = await Promise.all(Array.from({ length: 5 }, () => adapter.send({ to, content: text })));
    expect(receipts.map((r) => r.messageId)).toEqual(Array(5).fill('1871000000000000900'));
    expect(bodies).toHaveLength(1);
    expect(new URLSearchParams(bodies[0])).toEqual(
      new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'old-refresh', client_id: 'client-id' }),
    );
    expect(saved).toEqual([
      { accessToken: 'new-access', refreshToken: 'new-refresh', expiresAt: 1_000_000 + 7_200_000 },
    ]);
  });

  it('authenticates a confidential client with HTTP Basic', async () => {
    nock(API)
      .post(dmPath)
      .matchHeader('authorization', 'Bearer old-access')
      .reply(401, {})
      .post('/2/oauth2/token')
      .matchHeader('authorization', `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`)
      .reply(200, { access_token: 'new-access', refresh_token: 'new-refresh' })
      .post(dmPath)
      .matchHeader('authorization', 'Bearer new-access')
      .reply(201, ok);
    await oauth2Adapter(undefined, [], 'client-secret').send({ to, content: text });
  });

  it('across processes on one store: one refresh, the newest pair persisted before use and read by the other', async () => {
    const bodies = xWithExpiredToken(1);
    const store = memoryStore();
    const savedA: XTokens[] = [];
    const savedB: XTokens[] = [];
    const a = oauth2Adapter(store, savedA);
    const b = oauth2Adapter(store, savedB);
    await Promise.all([...Array(3)].flatMap(() => [a.send({ to, content: text }), b.send({ to, content: text })]));
    expect(bodies).toHaveLength(1);
    expect([...savedA, ...savedB]).toHaveLength(1);
    const stored = await store.kv?.get(`loket:twitter-dm:oauth2:client-id:${BIZ}`);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ accessToken: 'new-access', refreshToken: 'new-refresh' });
    // A third process starting later uses the stored pair at once, and never the dead refresh token.
    nock.cleanAll();
    nock(API).post(dmPath).matchHeader('authorization', 'Bearer new-access').reply(201, ok);
    await oauth2Adapter(store, []).send({ to, content: text });
  });

  it('refreshes before sending when the token has expired', async () => {
    nock(API)
      .post('/2/oauth2/token')
      .reply(200, { access_token: 'new-access', refresh_token: 'new-refresh', expires_in: 7200 })
      .post(dmPath)
      .matchHeader('authorization', 'Bearer new-access')
      .reply(201, ok);
    const adapter = twitterDm({
      consumerSecret: 'cs',
      userId: BIZ,
      credentials: { kind: 'oauth2', clientId: 'c', accessToken: 'old-access', refreshToken: 'r', expiresAt: 1000 },
      now: () => 1_000_000,
    });
    await adapter.send({ to, content: text });
  });

  it('fails with AUTH_FAILED when the refresh is refused, without retrying the send again', async () => {
    nock(API)
      .post(dmPath)
      .reply(401, {})
      .post('/2/oauth2/token')
      .reply(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    const err = await failure(() => oauth2Adapter(undefined, []).send({ to, content: text }));
    expect(err.code).toBe('BAD_REQUEST');
  });
});
