import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { createTransport } from './transport.js';

const BASE = 'https://api.example.test';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('transport: signed headers and urlencoded bodies', () => {
  it('asks the headers function on every attempt, with that attempt’s method and full URL', async () => {
    const seen: string[] = [];
    let n = 0;
    const transport = createTransport({
      channel: 'demo',
      baseUrl: BASE,
      headers: ({ method, url }) => {
        seen.push(`${method} ${url.toString()}`);
        return { authorization: `Sig ${++n}` };
      },
      mapError: ({ status }) => new LoketError('PLATFORM_ERROR', `[loket] [demo] ${status}`),
      sleep: async () => {},
    });
    nock(BASE)
      .post('/1.1/typing.json')
      .query({ recipient_id: '42' })
      .matchHeader('authorization', 'Sig 1')
      .reply(503)
      .post('/1.1/typing.json')
      .query({ recipient_id: '42' })
      .matchHeader('authorization', 'Sig 2')
      .reply(204);
    await transport.request({ method: 'POST', path: '/1.1/typing.json', query: { recipient_id: '42' } });
    expect(seen).toEqual([
      `POST ${BASE}/1.1/typing.json?recipient_id=42`,
      `POST ${BASE}/1.1/typing.json?recipient_id=42`,
    ]);
  });

  it('sends an application/x-www-form-urlencoded body', async () => {
    const transport = createTransport({
      channel: 'demo',
      baseUrl: BASE,
      mapError: ({ status }) => new LoketError('PLATFORM_ERROR', `[loket] [demo] ${status}`),
    });
    nock(BASE)
      .post('/oauth2/token', 'grant_type=refresh_token&refresh_token=a+b%26c')
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, { ok: true });
    const res = await transport.request({
      method: 'POST',
      path: '/oauth2/token',
      urlencoded: { grant_type: 'refresh_token', refresh_token: 'a b&c' },
    });
    expect(res.body).toEqual({ ok: true });
  });
});
