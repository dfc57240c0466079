import { LoketError } from '@loket/core';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphTransport } from './graph-transport.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('createGraphTransport', () => {
  it('posts JSON to the versioned Graph URL with the Bearer token', async () => {
    const graph = createGraphTransport({ channel: 'whatsapp', accessToken: 'EAAG-1' });
    const scope = nock('https://graph.facebook.com', {
      reqheaders: { authorization: 'Bearer EAAG-1', 'content-type': 'application/json' },
    })
      .post('/v25.0/123/messages', { hello: 'world' })
      .reply(200, { ok: true });
    const res = await graph.request({ method: 'POST', path: '/123/messages', json: { hello: 'world' } });
    expect(res.body).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it('targets another host and version, and asks a token function on every request', async () => {
    let n = 0;
    const graph = createGraphTransport({
      channel: 'messenger',
      accessToken: () => `token-${++n}`,
      apiBaseUrl: 'http://emulator.test:4010/graph',
      graphVersion: 'v26.0',
    });
    const scope = nock('http://emulator.test:4010')
      .get('/graph/v26.0/me')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(200, {})
      .get('/graph/v26.0/me')
      .matchHeader('authorization', 'Bearer token-2')
      .reply(200, {});
    await graph.request({ method: 'GET', path: '/me' });
    await graph.request({ method: 'GET', path: '/me' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the token to absolute URLs too (media downloads)', async () => {
    const graph = createGraphTransport({ channel: 'whatsapp', accessToken: 'EAAG-2' });
    const scope = nock('https://lookaside.fbsbx.com')
      .matchHeader('authorization', 'Bearer EAAG-2')
      .get('/file')
      .reply(200, 'abc');
    const res = await graph.request<Uint8Array>({
      method: 'GET',
      path: 'https://lookaside.fbsbx.com/file',
      responseType: 'bytes',
    });
    expect(new TextDecoder().decode(res.body)).toBe('abc');
    expect(scope.isDone()).toBe(true);
  });

  it('maps error envelopes through the product table', async () => {
    const graph = createGraphTransport({
      channel: 'instagram',
      accessToken: 't',
      errors: { '10/2534022': { code: 'OUTSIDE_WINDOW', retryable: false } },
      retry: { attempts: 1 },
    });
    nock('https://graph.facebook.com')
      .post('/v25.0/me/messages')
      .reply(400, {
        error: { message: 'outside window', type: 'OAuthException', code: 10, error_subcode: 2534022, fbtrace_id: 'x' },
      });
    const err = await graph.request({ method: 'POST', path: '/me/messages', json: {} }).catch((e: unknown) => e);
    expect(LoketError.is(err) && err).toMatchObject({
      code: 'OUTSIDE_WINDOW',
      platformCode: '10/2534022',
      channel: 'instagram',
    });
  });

  it('refuses a bad version at construction', () => {
    expect(() => createGraphTransport({ channel: 'whatsapp', accessToken: 't', graphVersion: '25.0' })).toThrow(
      expect.objectContaining({ code: 'CONFIG' }),
    );
  });
});
