import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createTransport, type TransportOptions } from './transport.js';
// Core cannot depend on @loket/testing (a build cycle), so its tests take the kit's helper by path.
import { catchLoketError as rejection } from '../../../testing/src/catch-loket-error.js';

const BASE = 'https://api.example.test/v1';

function setup(overrides: Partial<TransportOptions> = {}) {
  const sleeps: number[] = [];
  const logs: unknown[] = [];
  const record = (obj: Record<string, unknown>, msg?: string) => logs.push([obj, msg]);
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const transport = createTransport({
    channel: 'demo',
    baseUrl: BASE,
    headers: () => ({ Authorization: 'Bearer secret-token' }),
    mapError: ({ status, body }) =>
      new LoketError(
        status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'PLATFORM_ERROR' : 'BAD_REQUEST',
        `[loket] [demo] ${status}`,
        {
          channel: 'demo',
          platformCode: (body as { code?: number } | undefined)?.code,
        },
      ),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.UTC(2026, 0, 1),
    random: () => 0.5,
    logger,
    ...overrides,
  });
  return { transport, sleeps, logs };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('transport', () => {
  it('sends JSON with the headers and decodes the JSON answer', async () => {
    const scope = nock(BASE, {
      reqheaders: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
    })
      .post('/123/messages', { to: '316', text: { body: 'hi' } })
      .query({ fields: 'id' })
      .reply(200, { messages: [{ id: 'wamid.1' }] });
    const { transport } = setup();
    const res = await transport.request({
      method: 'POST',
      path: '/123/messages',
      query: { fields: 'id', skipped: undefined },
      json: { to: '316', text: { body: 'hi' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ messages: [{ id: 'wamid.1' }] });
    expect(scope.isDone()).toBe(true);
  });

  it('uses an absolute path as it is', async () => {
    const scope = nock('https://cdn.example.test').get('/file').reply(200, 'plain');
    const res = await setup().transport.request({ method: 'GET', path: 'https://cdn.example.test/file' });
    expect(res.body).toBe('plain');
    expect(scope.isDone()).toBe(true);
  });

  it('uploads FormData as multipart', async () => {
    let seen = '';
    const scope = nock(BASE)
      .post('/123/media', (body: string) => {
        seen = body;
        return true;
      })
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(200, { id: 'media-1' });
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('file', new Blob(['PNG-BYTES'], { type: 'image/png' }), 'a.png');
    const res = await setup().transport.request({ method: 'POST', path: '/123/media', form });
    expect(res.body).toEqual({ id: 'media-1' });
    expect(seen).toContain('name="messaging_product"');
    expect(seen).toContain('filename="a.png"');
    expect(seen).toContain('PNG-BYTES');
    expect(scope.isDone()).toBe(true);
  });

  it('uploads FormData over a real socket too (loopback)', async () => {
    nock.enableNetConnect('127.0.0.1');
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => res.end(JSON.stringify({ type: req.headers['content-type'], body })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const form = new FormData();
      form.set('file', new Blob(['PNG-BYTES'], { type: 'image/png' }), 'a.png');
      const { transport } = setup({ baseUrl: `http://127.0.0.1:${port}` });
      const res = await transport.request<{ type: string; body: string }>({ method: 'POST', path: '/media', form });
      expect(res.body.type).toMatch(/^multipart\/form-data; boundary=/);
      expect(res.body.body).toContain('filename="a.png"');
      expect(res.body.body).toContain('PNG-BYTES');
    } finally {
      server.close();
      nock.disableNetConnect();
    }
  });

  it('downloads bytes, and refuses more than maxBytes with MEDIA_ERROR', async () => {
    nock(BASE)
      .get('/media/1')
      .reply(200, Buffer.from([1, 2, 3]));
    const { transport } = setup();
    const res = await transport.request<Uint8Array>({ method: 'GET', path: '/media/1', responseType: 'bytes' });
    expect(Array.from(res.body)).toEqual([1, 2, 3]);
    const scope = nock(BASE).get('/media/2').reply(200, Buffer.alloc(2048));
    const err = await rejection(
      transport.request({ method: 'GET', path: '/media/2', responseType: 'bytes', maxBytes: 1024 }),
    );
    expect(err.code).toBe('MEDIA_ERROR');
    expect(err.retryable).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    const scope = nock(BASE)
      .post('/send')
      .reply(429, { code: 130429 }, { 'retry-after': '2' })
      .post('/send')
      .reply(200, { ok: true });
    const { transport, sleeps } = setup();
    const res = await transport.request({ method: 'POST', path: '/send', json: {} });
    expect(res.body).toEqual({ ok: true });
    expect(sleeps).toEqual([2000]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const scope = nock(BASE)
      .get('/x')
      .reply(503, {}, { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' })
      .get('/x')
      .reply(200, {});
    const { transport, sleeps } = setup();
    await transport.request({ method: 'GET', path: '/x' });
    expect(sleeps).toEqual([5000]);
    expect(scope.isDone()).toBe(true);
  });

  it('retries a 500 with jittered exponential backoff, then succeeds', async () => {
    const scope = nock(BASE).get('/x').times(2).reply(500, {}).get('/x').reply(200, { ok: 1 });
    const { transport, sleeps } = setup();
    expect((await transport.request({ method: 'GET', path: '/x' })).body).toEqual({ ok: 1 });
    // random() = 0.5 of the ceilings 250 and 500.
    expect(sleeps).toEqual([125, 250]);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after the attempts and throws the mapped error', async () => {
    const scope = nock(BASE).get('/x').times(2).reply(500, { code: 2 });
    const { transport, sleeps } = setup({ retry: { attempts: 2 } });
    const err = await rejection(transport.request({ method: 'GET', path: '/x' }));
    expect(err).toMatchObject({ code: 'PLATFORM_ERROR', platformCode: 2, message: '[loket] [demo] 500' });
    expect(sleeps).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry a 400', async () => {
    const scope = nock(BASE).post('/send').reply(400, { code: 100 });
    const { transport, sleeps } = setup();
    const err = await rejection(transport.request({ method: 'POST', path: '/send', json: {} }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.platformCode).toBe(100);
    expect(sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('throws at once, with retryAfterMs, when the platform asks for a longer wait than allowed', async () => {
    const scope = nock(BASE).post('/send').reply(429, {}, { 'retry-after': '3600' });
    const { transport, sleeps } = setup();
    const err = await rejection(transport.request({ method: 'POST', path: '/send', json: {} }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(sleeps).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it("honours the wait mapError reads from the platform's own headers", async () => {
    const scope = nock(BASE).post('/send').reply(400, {}).post('/send').reply(200, {});
    const { transport, sleeps } = setup({
      mapError: () => new LoketError('RATE_LIMITED', '[loket] [demo] throttled', { retryAfterMs: 1234 }),
    });
    await transport.request({ method: 'POST', path: '/send', json: {} });
    expect(sleeps).toEqual([1234]);
    expect(scope.isDone()).toBe(true);
  });

  it('turns a timeout into a retryable NETWORK error', async () => {
    const scope = nock(BASE).get('/slow').delay(500).reply(200, {});
    const { transport } = setup({ timeoutMs: 50, retry: { attempts: 1 } });
    const err = await rejection(transport.request({ method: 'GET', path: '/slow' }));
    expect(err.code).toBe('NETWORK');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('timed out after 50 ms');
    expect(scope.isDone()).toBe(true);
  });

  it('turns a connection failure into NETWORK, retried, without the query in the message', async () => {
    const scope = nock(BASE)
      .get('/x')
      .query(true)
      .times(3)
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const { transport, sleeps } = setup();
    const err = await rejection(transport.request({ method: 'GET', path: '/x', query: { access_token: 'tok-123' } }));
    expect(err.code).toBe('NETWORK');
    expect(err.message).not.toContain('tok-123');
    expect(sleeps).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
  });

  it('never logs the token', async () => {
    nock(BASE).get('/x').query(true).reply(500, {}).get('/x').query(true).reply(200, {});
    const { transport, logs } = setup();
    await transport.request({ method: 'GET', path: '/x', query: { access_token: 'tok-123' } });
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toMatch(/secret-token|tok-123/);
  });

  it('refuses bad options with CONFIG', () => {
    expect(() =>
      createTransport({ channel: 'demo', baseUrl: 'not a url', mapError: () => new LoketError('BAD_REQUEST', 'x') }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG' }));
  });
});
