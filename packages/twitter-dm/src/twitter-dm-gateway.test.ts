import { readFileSync } from 'node:fs';
import { createGateway, type InboundEvent, memoryStore } from '@loket/core';
import { signedXRequest, toFetchRequest, xCrcRequest } from '@loket/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { twitterDm } from './index.js';

const SECRET = 'consumer-secret';
const BIZ = '2244994945';
const ADA = '3805104374';
const credentials = {
  kind: 'oauth1',
  consumerKey: 'ck',
  consumerSecret: SECRET,
  token: 't',
  tokenSecret: 'ts',
} as const;
const fixture = (name: string) =>
  readFileSync(new URL(`../../testing/fixtures/twitter-dm/inbound/${name}.json`, import.meta.url));
const post = (body: Uint8Array | string, secret = SECRET) =>
  toFetchRequest(signedXRequest({ body, secret, url: 'http://gw.test/webhooks/twitter-dm' }));

function setup(now = () => 1_763_800_100_000, extra: Record<string, unknown> = {}) {
  const store = memoryStore();
  const adapter = twitterDm({
    consumerSecret: SECRET,
    credentials,
    userId: BIZ,
    now,
    transport: { sleep: async () => {} },
    ...extra,
  });
  const gateway = createGateway({ channels: [adapter], store });
  const seen: InboundEvent[] = [];
  gateway.on('*', async (event) => {
    seen.push(event);
  });
  const until = async (count: number) => {
    for (let i = 0; i < 400 && seen.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    return seen;
  };
  return { store, adapter, gateway, seen, until };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('twitter-dm on the gateway', () => {
  it('answers CRC checks on GET /webhooks/twitter-dm, 400 without a token value', async () => {
    const { gateway } = setup();
    const crc = xCrcRequest({ crcToken: 'abc123', url: 'http://gw.test/webhooks/twitter-dm' });
    const res = await gateway.fetch(toFetchRequest(crc));
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json())).toEqual(['response_token']);
    const empty = await gateway.fetch(new Request('http://gw.test/webhooks/twitter-dm?crc_token='));
    expect(empty.status).toBe(400);
    await gateway.close();
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const { gateway, store } = setup();
    const res = await gateway.fetch(post(fixture('aaa-text'), 'not-the-secret'));
    expect(res.status).toBe(401);
    expect(await store.inbox.lease({ limit: 10, leaseMs: 1000 })).toEqual([]);
    await gateway.close();
  });

  it('acknowledges a signed body that is not JSON, and keeps it as a dead letter with its raw bytes', async () => {
    const { gateway } = setup();
    await gateway.start();
    expect((await gateway.fetch(post('not json at all'))).status).toBe(200);
    let dead: Awaited<ReturnType<typeof gateway.deadLetters>> = [];
    for (let i = 0; i < 200 && dead.length === 0; i++) {
      dead = await gateway.deadLetters();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(Buffer.from(dead[0]?.request.body ?? []).toString()).toBe('not json at all');
    await gateway.close();
  });

  it('hands every event to the handlers once: a redelivery (or a replay) of the same DMs is deduped', async () => {
    const { gateway, until } = setup();
    await gateway.start();
    expect((await gateway.fetch(post(fixture('aaa-batch')))).status).toBe(200);
    const first = await until(3);
    expect(first.map((e) => e.type)).toEqual(['message', 'message', 'typing']);
    // The XAA delivery of another DM and a replay of the AAA batch: only the new DM is handled.
    await gateway.fetch(post(fixture('aaa-batch')));
    await gateway.fetch(post(fixture('xaa-dm-received')));
    const all = await until(4);
    await new Promise((r) => setTimeout(r, 50));
    expect(all.map((e) => e.id)).toEqual([
      `1871000000000000011:${BIZ}`,
      `1871000000000000012:${BIZ}`,
      `typing:${BIZ}:${ADA}:1763800014000`,
      `1871000000000000020:${BIZ}`,
    ]);
    await gateway.close();
  });

  it('paces by X limits: 5 replies within 24 h of a customer DM are free, then the 15-minute allowance counts', async () => {
    const { gateway, until } = setup(() => 1_763_800_100_000, { limits: { per15Minutes: 1 } });
    await gateway.start();
    await gateway.fetch(post(fixture('aaa-text')));
    await until(1);
    const dm = `/2/dm_conversations/with/${ADA}/messages`;
    let n = 0;
    nock('https://api.x.com')
      .post(dm)
      .times(6)
      .reply(201, () => ({ data: { dm_conversation_id: `${BIZ}-${ADA}`, dm_event_id: `18710000000000009${n++}` } }));
    const to = { channel: 'twitter-dm' as const, account: BIZ, user: ADA };
    for (let i = 0; i < 6; i++) await gateway.send({ to, content: { type: 'text', text: `reply ${i}` } });
    const err = await gateway.send({ to, content: { type: 'text', text: 'one too many' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED' });
    expect((err as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
    await gateway.close();
  });

  it('revokes consent for the account on user_event.revoke', async () => {
    const { gateway, until, seen } = setup();
    await gateway.start();
    await gateway.fetch(post(fixture('aaa-user-event-revoke')));
    await until(1);
    expect(seen[0]).toMatchObject({ type: 'consent', consent: 'revoked', conversation: { account: BIZ } });
    await gateway.close();
  });
});

describe('media download and replay', () => {
  it('downloads inbound media: the v2 media endpoint with OAuth 2.0, the signed ton URL with OAuth 1.0a', async () => {
    const url = 'https://ton.twitter.com/1.1/ton/data/dm/1871000000000000005/1871000000000000111/AbCdEfGh.jpg';
    nock('https://ton.twitter.com')
      .get('/1.1/ton/data/dm/1871000000000000005/1871000000000000111/AbCdEfGh.jpg')
      .matchHeader('authorization', /^OAuth .*oauth_signature=/)
      .reply(200, Buffer.from([1, 2, 3]), { 'content-type': 'image/jpeg' });
    nock('https://api.x.com')
      .get('/2/dm_conversations/media/1871000000000000005/1871000000000000111/AbCdEfGh')
      .matchHeader('authorization', 'Bearer access')
      .reply(200, Buffer.from([4, 5]), { 'content-type': 'image/jpeg' });
    const input = { account: BIZ, messageId: '1871000000000000005', url, mediaId: '1871000000000000111' };
    const oauth1 = twitterDm({ consumerSecret: SECRET, credentials, userId: BIZ });
    expect(await oauth1.downloadMedia(input)).toEqual({ data: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg' });
    const oauth2 = twitterDm({
      consumerSecret: SECRET,
      userId: BIZ,
      credentials: { kind: 'oauth2', clientId: 'c', accessToken: 'access', refreshToken: 'r' },
    });
    expect((await oauth2.downloadMedia(input)).data).toEqual(new Uint8Array([4, 5]));
  });

  it('requests an Account Activity replay with the app Bearer token, checking the window first', async () => {
    const now = Date.UTC(2025, 10, 22, 12, 0);
    const adapter = twitterDm({ consumerSecret: SECRET, credentials, bearerToken: 'app-bearer', now: () => now });
    nock('https://api.x.com')
      .post('/2/account_activity/replay/webhooks/1234567890/subscriptions/all')
      .query({ from_date: '202511220900', to_date: '202511221130' })
      .matchHeader('authorization', 'Bearer app-bearer')
      .reply(200, { data: { job_id: '1095098195724558337', created_at: '2025-11-22T12:00:00.000Z' } });
    const job = await adapter.requestReplay({
      webhookId: '1234567890',
      from: now - 3 * 3_600_000,
      to: now - 30 * 60_000,
    });
    expect(job).toEqual({ jobId: '1095098195724558337', createdAt: '2025-11-22T12:00:00.000Z' });
    const tooRecent = adapter.requestReplay({ webhookId: '1', from: now - 3_600_000, to: now - 60_000 });
    await expect(tooRecent).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const tooOld = adapter.requestReplay({ webhookId: '1', from: now - 25 * 3_600_000, to: now - 3_600_000 });
    await expect(tooOld).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const noBearer = twitterDm({ consumerSecret: SECRET, credentials });
    await expect(noBearer.requestReplay({ webhookId: '1', from: 0, to: 1 })).rejects.toMatchObject({ code: 'CONFIG' });
  });
});
