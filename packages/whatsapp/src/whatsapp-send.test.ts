import type { LoketError, OutboundMessage } from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WHATSAPP_ERRORS } from './whatsapp-errors.js';
import { whatsapp } from './whatsapp.js';
import { catchLoketError } from '@loket/testing';

const GRAPH = 'https://graph.facebook.com';
const PN = '106540352242922';
const to = { channel: 'whatsapp' as const, account: PN, user: '16505551234' };
const accepted = {
  messaging_product: 'whatsapp',
  contacts: [{ input: '+16505551234', wa_id: '16505551234' }],
  messages: [{ id: 'wamid.OK' }],
};
const adapter = whatsapp({
  appSecret: 's',
  verifyToken: 'v',
  accessToken: 'EAAG-send',
  phoneNumberId: '999000111',
  transport: { retry: { attempts: 1 } },
});

function failure(message: OutboundMessage): Promise<LoketError> {
  return catchLoketError(adapter.send(message));
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('send', () => {
  it('uploads media given as bytes, then sends it by the new id', async () => {
    let form = '';
    const scope = nock(GRAPH)
      .post(`/v25.0/${PN}/media`, (body: string) => {
        // nock hands over a multipart body with binary parts as hex.
        form = /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
        return true;
      })
      .matchHeader('authorization', 'Bearer EAAG-send')
      .reply(200, { id: 'media-77' })
      .post(`/v25.0/${PN}/messages`, {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+16505551234',
        type: 'image',
        image: { id: 'media-77', caption: 'hi' },
      })
      .reply(200, accepted);
    const data = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const receipt = await adapter.send({
      to,
      content: { type: 'image', media: { data, mimeType: 'image/jpeg', filename: 'a.jpg' }, caption: 'hi' },
    });
    expect(receipt.messageId).toBe('wamid.OK');
    expect(scope.isDone()).toBe(true);
    expect(form).toContain('name="messaging_product"');
    expect(form).toContain('whatsapp');
    expect(form).toContain('name="type"');
    expect(form).toContain('image/jpeg');
    expect(form).toMatch(/name="file"; filename="a.jpg"/);
    expect(form).toContain('\xff\xd8\xff\xe0'); // the bytes themselves
  });

  it('sends from phoneNumberId when to.account is "*"', async () => {
    const scope = nock(GRAPH).post('/v25.0/999000111/messages').reply(200, accepted);
    const receipt = await adapter.send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'x' } });
    expect(receipt.conversation.account).toBe('999000111');
    expect(scope.isDone()).toBe(true);
  });

  it('says CONFIG when there is no number to send from', async () => {
    const bare = whatsapp({ appSecret: 's', verifyToken: 'v', accessToken: 't' });
    const err = await bare
      .send({ to: { ...to, account: '*' }, content: { type: 'text', text: 'x' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFIG', message: expect.stringMatching(/pass phoneNumberId to whatsapp/) });
  });

  it('leaves preview_url out when previewUrl is false, even with a link', async () => {
    const scope = nock(GRAPH)
      .post(`/v25.0/${PN}/messages`, (b) => b.text.preview_url === undefined && b.text.body === 'see https://x.test')
      .reply(200, accepted);
    await adapter.send({ to, content: { type: 'text', text: 'see https://x.test', previewUrl: false } });
    expect(scope.isDone()).toBe(true);
  });

  it('passes full template components through', async () => {
    const components = [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://x.test/a.png' } }] }];
    const scope = nock(GRAPH)
      .post(
        `/v25.0/${PN}/messages`,
        (b) => JSON.stringify(b.template) === JSON.stringify({ name: 'promo', language: { code: 'nl' }, components }),
      )
      .reply(200, accepted);
    await adapter.send({
      to,
      content: { type: 'template', name: 'promo', language: 'nl', parameters: { components } },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('ends typing without a request (WhatsApp has no "stop typing")', async () => {
    const receipt = await adapter.send({ to, content: { type: 'typing', on: false }, replyTo: 'wamid.IN' });
    expect(receipt.messageId).toBe('typing:wamid.IN:off');
  });

  it('refuses typing without the message it answers', async () => {
    const err = await failure({ to, content: { type: 'typing' } });
    expect(err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/pass it as replyTo/) });
  });

  it('refuses what WhatsApp cannot render, before any request', async () => {
    expect((await failure({ to, content: { type: 'cards', cards: [{ title: 'A' }] } })).code).toBe(
      'UNSUPPORTED_CONTENT',
    );
    const mixed = {
      type: 'buttons' as const,
      text: 't',
      buttons: [
        { id: 'a', title: 'A' },
        { url: 'https://x.test', title: 'B' },
      ],
    };
    expect((await failure({ to, content: mixed })).code).toBe('UNSUPPORTED_CONTENT');
    expect((await failure({ to, content: { type: 'image', media: {} } })).code).toBe('BAD_REQUEST');
    expect((await failure({ to, content: { type: 'image', media: { data: new Uint8Array([1]) } } })).message).toMatch(
      /mimeType/,
    );
  });

  it('says PLATFORM_ERROR (not retried) when an accepted send answers in another shape', async () => {
    nock(GRAPH).post(`/v25.0/${PN}/messages`).reply(200, { messaging_product: 'whatsapp', messages: [] });
    expect(await failure({ to, content: { type: 'text', text: 'x' } })).toMatchObject({
      code: 'PLATFORM_ERROR',
      retryable: false,
    });
  });

  it('retries a retryable error inside send', async () => {
    const retrying = whatsapp({
      appSecret: 's',
      verifyToken: 'v',
      accessToken: 't',
      transport: { retry: { attempts: 2 }, sleep: async () => {} },
    });
    const scope = nock(GRAPH)
      .post(`/v25.0/${PN}/messages`)
      .reply(400, { error: { message: 'Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'A' } })
      .post(`/v25.0/${PN}/messages`)
      .reply(200, accepted);
    expect((await retrying.send({ to, content: { type: 'text', text: 'x' } })).messageId).toBe('wamid.OK');
    expect(scope.isDone()).toBe(true);
  });
});

describe('send errors: every code of the WhatsApp table', () => {
  it.each(Object.entries(WHATSAPP_ERRORS))('%s', async (code, rule) => {
    nock(GRAPH)
      .post(`/v25.0/${PN}/messages`)
      .reply(400, {
        error: {
          message: `error ${code}`,
          type: 'OAuthException',
          code: Number(code),
          error_data: { messaging_product: 'whatsapp', details: 'd' },
          fbtrace_id: 'T',
        },
      });
    const err = await failure({ to, content: { type: 'text', text: 'x' } });
    expect(err).toMatchObject({
      code: rule.code,
      retryable: rule.retryable,
      platformCode: Number(code),
      channel: 'whatsapp',
    });
    if (rule.retryAfterMs) expect(err.retryAfterMs).toBe(rule.retryAfterMs);
  });

  it.each([
    [4, 'RATE_LIMITED', true],
    [17, 'RATE_LIMITED', true],
    [613, 'RATE_LIMITED', true],
    [1, 'PLATFORM_ERROR', true],
    [2, 'PLATFORM_ERROR', true],
    [190, 'AUTH_FAILED', false],
    [100, 'BAD_REQUEST', false],
    [10, 'AUTH_FAILED', false],
    [200, 'AUTH_FAILED', false],
    [299, 'AUTH_FAILED', false],
  ] as const)('Graph-wide %i', async (code, loketCode, retryable) => {
    nock(GRAPH)
      .post(`/v25.0/${PN}/messages`)
      .reply(400, { error: { message: 'm', type: 'OAuthException', code, fbtrace_id: 'T' } });
    expect(await failure({ to, content: { type: 'text', text: 'x' } })).toMatchObject({ code: loketCode, retryable });
  });
});
