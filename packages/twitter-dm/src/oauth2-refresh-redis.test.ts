import { createGateway } from '@loket/core';
import { redisStore } from '@loket/store-redis';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twitterDm, type XTokens } from './index.js';

const url = await redisTestUrl('twitter-dm');
const prefix = uniquePrefix();
const BIZ = '2244994945';
const ADA = '3805104374';
const dmPath = `/2/dm_conversations/with/${ADA}/messages`;

function gatewayOn(saved: XTokens[]) {
  const adapter = twitterDm({
    consumerSecret: 'cs',
    userId: BIZ,
    credentials: {
      kind: 'oauth2',
      clientId: 'client-id',
      accessToken: 'old-access',
      refreshToken: 'old-refresh',
      onTokens: (tokens) => {
        saved.push(tokens);
      },
    },
    transport: { sleep: async () => {} },
  });
  return createGateway({ channels: [adapter], store: redisStore({ url: url as string, keyPrefix: prefix }) });
}

beforeAll(() => nock.disableNetConnect());
afterAll(async () => {
  nock.cleanAll();
  if (url) await deleteKeys(url, prefix);
});

describe.skipIf(!url)('OAuth 2.0 refresh with two gateways on one Redis', () => {
  it('refreshes once for concurrent 401s in both, and both send with the new token', async () => {
    const refreshes: Record<string, string>[] = [];
    nock('https://api.x.com')
      .post(dmPath)
      .matchHeader('authorization', 'Bearer old-access')
      .times(10)
      .optionally()
      .reply(401, { title: 'Unauthorized', status: 401 })
      .post('/2/oauth2/token', (body: Record<string, string>) => {
        if (typeof body === 'object' && body !== null && 'grant_type' in body) refreshes.push(body);
        return true;
      })
      .times(2)
      .optionally()
      .reply(200, { access_token: 'new-access', refresh_token: 'new-refresh', expires_in: 7200 })
      .post(dmPath)
      .matchHeader('authorization', 'Bearer new-access')
      .times(10)
      .reply(201, { data: { dm_conversation_id: `${BIZ}-${ADA}`, dm_event_id: '1871000000000000900' } });
    const savedA: XTokens[] = [];
    const savedB: XTokens[] = [];
    const a = gatewayOn(savedA);
    const b = gatewayOn(savedB);
    const to = { channel: 'twitter-dm' as const, account: BIZ, user: ADA };
    const sends = [...Array(5)].flatMap((_, i) => [
      a.send({ to, content: { type: 'text', text: `a${i}` } }),
      b.send({ to, content: { type: 'text', text: `b${i}` } }),
    ]);
    const receipts = await Promise.all(sends);
    expect(receipts).toHaveLength(10);
    expect(refreshes).toHaveLength(1);
    expect(new URLSearchParams(refreshes[0]).get('refresh_token')).toBe('old-refresh');
    expect([...savedA, ...savedB]).toHaveLength(1);
    await a.close();
    await b.close();
  });
});
