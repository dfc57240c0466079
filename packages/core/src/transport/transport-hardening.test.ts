import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// Core cannot depend on @loket/testing (a build cycle), so its tests take the kit's helper by path.
import { catchLoketError as rejection } from '../../../testing/src/catch-loket-error.js';
import { LoketError } from '../errors.js';
import { createTransport, type TransportOptions } from './transport.js';

const BASE = 'https://api.example.test/v1';

function transportFor(baseUrl: string, overrides: Partial<TransportOptions> = {}) {
  const sleeps: number[] = [];
  const transport = createTransport({
    channel: 'demo',
    baseUrl,
    // The platform maps every failure to a PLATFORM_ERROR: the transport must still know what a 429 is.
    mapError: ({ status }) => new LoketError('PLATFORM_ERROR', `[loket] [demo] HTTP ${status}`, { channel: 'demo' }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...overrides,
  });
  return { transport, sleeps };
}

/** A server that takes requests and never answers them. */
async function silentServer(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer(() => {
    hits++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('transport: 429 is RATE_LIMITED whatever its body', () => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => nock.cleanAll());

  for (const [name, body] of [
    ['empty', ''],
    ['non-JSON', '<html>slow down</html>'],
    ['JSON of another shape', '{"oops":true}'],
  ] as const) {
    it(`codes a 429 with an ${name} body RATE_LIMITED, retryable, with its Retry-After`, async () => {
      const scope = nock(BASE).post('/send').reply(429, body, { 'retry-after': '2' });
      const { transport } = transportFor(BASE, { retry: { attempts: 1 } });
      const err = await rejection(transport.request({ method: 'POST', path: '/send', json: {} }));
      expect(err.code).toBe('RATE_LIMITED');
      expect(err.retryable).toBe(true);
      expect(err.retryAfterMs).toBe(2000);
      expect(scope.isDone()).toBe(true);
    });
  }
});

describe('transport: a POST is retried only when it surely did not take effect', () => {
  it('does not send a POST again after a read timeout (it may have been delivered)', async () => {
    const server = await silentServer();
    try {
      const { transport, sleeps } = transportFor(server.url, { timeoutMs: 100 });
      const err = await rejection(transport.request({ method: 'POST', path: '/messages', json: { text: 'hi' } }));
      expect(err.code).toBe('NETWORK');
      expect(err.retryable).toBe(false);
      expect(err.details).toMatchObject({ sent: 'unknown' });
      expect(server.hits()).toBe(1);
      expect(sleeps).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('still retries a GET after a read timeout', async () => {
    const server = await silentServer();
    try {
      const { transport } = transportFor(server.url, { timeoutMs: 50, retry: { attempts: 2 } });
      const err = await rejection(transport.request({ method: 'GET', path: '/media' }));
      expect(err.code).toBe('NETWORK');
      expect(server.hits()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('retries a POST whose connection was refused (nothing was sent)', async () => {
    const server = await silentServer();
    const url = server.url;
    await server.close();
    const { transport, sleeps } = transportFor(url, { retry: { attempts: 3 } });
    const err = await rejection(transport.request({ method: 'POST', path: '/messages', json: {} }));
    expect(err.code).toBe('NETWORK');
    expect(err.details).toMatchObject({ sent: false });
    expect(sleeps).toHaveLength(2);
  });

  it('retries a POST answered 5xx or 429', async () => {
    nock.disableNetConnect();
    const scope = nock(BASE).post('/send').reply(503, '').post('/send').reply(429, '').post('/send').reply(200, {});
    const { transport, sleeps } = transportFor(BASE);
    await transport.request({ method: 'POST', path: '/send', json: {} });
    expect(sleeps).toHaveLength(2);
    expect(scope.isDone()).toBe(true);
    nock.cleanAll();
    nock.enableNetConnect();
  });
});

describe('transport: one overall deadline', () => {
  it('gives up on a platform that never finishes its answer once deadlineMs is spent', async () => {
    const server = await silentServer();
    try {
      const { transport } = transportFor(server.url, { timeoutMs: 100, deadlineMs: 250, retry: { attempts: 50 } });
      const err = await rejection(transport.request({ method: 'GET', path: '/media' }));
      expect(err.code).toBe('NETWORK');
      // 50 attempts of 100 ms were allowed; the deadline cut them to the few that fit in 250 ms.
      expect(server.hits()).toBeLessThan(6);
      expect(err.details).toMatchObject({ deadlineMs: 250 });
    } finally {
      await server.close();
    }
  });
});
