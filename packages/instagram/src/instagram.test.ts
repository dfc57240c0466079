import { type ChannelAdapter, type Content, createGateway, LoketError, memoryStore } from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { instagram } from './index.js';

const IG = '17841400008460056';
const USER = '6543210987654321';
const to = { channel: 'instagram' as const, account: IG, user: USER };
const secrets = { appSecret: 's', verifyToken: 'v', accessToken: 'IGAA-token' };
const text = (t: string): Content => ({ type: 'text', text: t });
const sent = (id: string) => ({ recipient_id: USER, message_id: id });

/** A gateway on a store that remembers a customer message from a minute ago (the window is open). */
async function gatewayWithOpenWindow(adapter: ChannelAdapter) {
  const store = memoryStore();
  await store.conversations.recordInbound(to, Date.now() - 60_000);
  return createGateway({ channels: [adapter], store });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('instagram hosts', () => {
  it('talks to graph.instagram.com with Instagram Login (the default)', async () => {
    const scope = nock('https://graph.instagram.com')
      .post(`/v25.0/${IG}/messages`, { recipient: { id: USER }, message: { text: 'Hi' } })
      .matchHeader('authorization', 'Bearer IGAA-token')
      .reply(200, sent('ig_1'));
    expect((await instagram(secrets).send({ to, content: text('Hi') })).messageId).toBe('ig_1');
    expect(scope.isDone()).toBe(true);
  });

  it("talks to graph.facebook.com with Facebook Login, from accountId when to.account is '*'", async () => {
    const scope = nock('https://graph.facebook.com').post(`/v25.0/${IG}/messages`).reply(200, sent('ig_2'));
    const adapter = instagram({ ...secrets, login: 'facebook', accountId: IG });
    const receipt = await adapter.send({ to: { ...to, account: '*' }, content: text('Hi') });
    expect(receipt).toMatchObject({ messageId: 'ig_2', conversation: to });
    expect(scope.isDone()).toBe(true);
  });
});

describe('instagram generic template switch', () => {
  const cards: Content = { type: 'cards', cards: [{ title: 'Boots', buttons: [{ id: 'buy', title: 'Buy' }] }] };

  it('declares cards by default and none with genericTemplate: false, refusing them in send', async () => {
    expect(instagram(secrets).capabilities.cards).toEqual({ max: 10, titleMax: 80, subtitleMax: 80, buttonsMax: 3 });
    const off = instagram({ ...secrets, genericTemplate: false });
    expect(off.capabilities.cards).toBeUndefined();
    const err = await off.send({ to, content: cards }).catch((e: unknown) => e);
    expect(LoketError.is(err) && err.code).toBe('UNSUPPORTED_CONTENT');
  });

  it('degrades a card to quick replies through the gateway when the template is off', async () => {
    const scope = nock('https://graph.instagram.com')
      .post(`/v25.0/${IG}/messages`, {
        recipient: { id: USER },
        message: { text: 'Boots', quick_replies: [{ content_type: 'text', title: 'Buy', payload: 'buy' }] },
      })
      .reply(200, sent('ig_3'));
    const gateway = await gatewayWithOpenWindow(instagram({ ...secrets, genericTemplate: false }));
    expect((await gateway.send({ to, content: cards })).degraded).toBe(true);
    expect(scope.isDone()).toBe(true);
    await gateway.close();
  });
});

describe('instagram text limit in UTF-8 bytes', () => {
  it('splits 501 × "é" (501 characters, 1002 bytes) into parts of at most 1000 bytes; strict refuses it', async () => {
    const long = 'é'.repeat(501);
    const bodies: string[] = [];
    const scope = nock('https://graph.instagram.com')
      .post(`/v25.0/${IG}/messages`, (body: { message: { text: string } }) => bodies.push(body.message.text) > 0)
      .times(2)
      .reply(200, sent('ig_part'));
    const adapter = instagram(secrets);
    expect(adapter.capabilities.text).toEqual({ maxLength: 1000, unit: 'bytes' });
    const gateway = await gatewayWithOpenWindow(adapter);
    const err = await gateway.send({ to, content: text(long) }, { strict: true }).catch((e: unknown) => e);
    expect(LoketError.is(err) && err.code).toBe('CONTENT_LIMIT');
    const receipt = await gateway.send({ to, content: text(long) });
    expect(receipt.degraded).toBe(true);
    expect(bodies.map((b) => new TextEncoder().encode(b).byteLength).every((n) => n <= 1000)).toBe(true);
    expect(bodies.join('')).toBe(long);
    expect(scope.isDone()).toBe(true);
    await gateway.close();
  });
});

describe('gateway.handoff on Instagram', () => {
  it('passes the thread to the inbox for a human and takes it back for the bot', async () => {
    const scope = nock('https://graph.instagram.com')
      .post(`/v25.0/${IG}/pass_thread_control`, {
        recipient: { id: USER },
        target_app_id: '263902037430900',
        metadata: 'refund question',
      })
      .reply(200, { success: true })
      .post(`/v25.0/${IG}/take_thread_control`, { recipient: { id: USER } })
      .reply(200, { success: true });
    const gateway = createGateway({ channels: [instagram(secrets)], store: memoryStore() });
    await gateway.handoff(to, { to: 'human', reason: 'refund question' });
    expect(await gateway.controller(to)).toBe('human');
    await gateway.handoff(to, { to: 'bot' });
    expect(await gateway.controller(to)).toBe('bot');
    expect(scope.isDone()).toBe(true);
    await gateway.close();
  });
});
