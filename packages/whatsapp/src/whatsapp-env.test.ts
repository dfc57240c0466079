import { createHmac } from 'node:crypto';
import type { WebhookRequest } from '@loket/core';
import { catchLoketError } from '@loket/testing';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { whatsapp } from './whatsapp.js';

const GRAPH = 'https://graph.facebook.com';
const accepted = { messaging_product: 'whatsapp', contacts: [], messages: [{ id: 'wamid.ENV' }] };
const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');
const signed = (secret: string): WebhookRequest => ({
  method: 'POST',
  url: 'https://example.test/webhooks/whatsapp',
  headers: new Headers({ 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` }),
  body,
});
const challenge = (token: string): WebhookRequest => ({
  method: 'GET',
  url: `https://example.test/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=77&hub.verify_token=${token}`,
  headers: new Headers(),
  body: new Uint8Array(),
});
const construct = (input?: Parameters<typeof whatsapp>[0]) => catchLoketError(async () => whatsapp(input));

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  vi.unstubAllEnvs();
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

function stubWhatsAppEnv(): void {
  vi.stubEnv('WHATSAPP_APP_SECRET', 'env-app-secret');
  vi.stubEnv('WHATSAPP_VERIFY_TOKEN', 'env-verify-token');
  vi.stubEnv('WHATSAPP_ACCESS_TOKEN', 'EAAG-env');
  vi.stubEnv('WHATSAPP_PHONE_NUMBER_ID', '555000111');
}

describe('whatsapp() and the environment', () => {
  it('reads WHATSAPP_APP_SECRET, _VERIFY_TOKEN, _ACCESS_TOKEN and _PHONE_NUMBER_ID when called without options', async () => {
    stubWhatsAppEnv();
    const adapter = whatsapp({ transport: { retry: { attempts: 1 } } });
    expect(() => adapter.verify(signed('env-app-secret'))).not.toThrow();
    expect(adapter.handshake(challenge('env-verify-token'))).toMatchObject({ status: 200, body: '77' });
    const scope = nock(GRAPH)
      .post('/v25.0/555000111/messages')
      .matchHeader('authorization', 'Bearer EAAG-env')
      .reply(200, accepted);
    const to = { channel: 'whatsapp' as const, account: '*', user: '16505551234' };
    expect((await adapter.send({ to, content: { type: 'text', text: 'hi' } })).messageId).toBe('wamid.ENV');
    expect(scope.isDone()).toBe(true);
    expect(() => whatsapp()).not.toThrow();
  });

  it('lets explicit options win over the environment', () => {
    stubWhatsAppEnv();
    const adapter = whatsapp({ appSecret: 'explicit-secret', verifyToken: 'explicit-token' });
    expect(() => adapter.verify(signed('explicit-secret'))).not.toThrow();
    expect(() => adapter.verify(signed('env-app-secret'))).toThrow();
    expect(adapter.handshake(challenge('env-verify-token'))?.status).toBe(403);
  });

  it('names the option and its variable when both are missing', async () => {
    vi.stubEnv('WHATSAPP_APP_SECRET', '');
    const err = await construct();
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(
      '[loket] [whatsapp] appSecret is missing: pass it to whatsapp({...}) or set WHATSAPP_APP_SECRET',
    );
  });

  it('reports a misspelt option as unknown, with the option it probably meant', async () => {
    const err = await construct({ appSecret: 'a', verifyToken: 'v', accesToken: 'EAAG' } as never);
    expect(err.code).toBe('CONFIG');
    expect(err.message).toBe(
      '[loket] [whatsapp] accesToken is not an option of whatsapp({...}) (did you mean accessToken?)',
    );
  });
});
