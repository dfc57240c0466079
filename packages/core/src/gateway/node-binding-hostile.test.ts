import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeHandler } from './gateway-types.js';
import { testSign } from './test-adapter.js';
import { eventually, type Harness, harness, webhookBody } from './test-harness.js';

async function listen(handler: NodeHandler): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 418;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A raw request (fetch cannot set Host): the status, headers and body the gateway answered. */
function raw(
  port: number,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: options.method,
      path: options.path,
      headers: options.headers,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const body = webhookBody([{ id: 'h1', kind: 'text', user: 'u1', text: 'hello', ts: 1 }]);
const signed = { 'content-type': 'application/json', 'x-test-signature': testSign(body, 'test-secret') };

describe('gateway.node against hostile requests', () => {
  let h: Harness;
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await h.gateway.close();
  });

  it('routes on the request target: a Host header cannot turn POST /healthz into a webhook', async () => {
    h = harness();
    const s = await listen(h.gateway.node);
    server = s.server;
    const res = await raw(s.port, {
      method: 'POST',
      path: '/healthz',
      headers: { ...signed, host: '127.0.0.1/webhooks/webchat?' },
      body,
    });
    expect(res.status).toBe(418);
    expect((await h.store.inbox.stats()).pending).toBe(0);
  });

  it('answers a handshake only on its own path, whatever the Host says', async () => {
    h = harness();
    const s = await listen(h.gateway.node);
    server = s.server;
    const hostile = await raw(s.port, {
      method: 'GET',
      path: '/other?challenge=abc&token=verify-me',
      headers: { host: 'x/webhooks/webchat?' },
    });
    expect(hostile.status).toBe(418);
    const real = await raw(s.port, {
      method: 'GET',
      path: '/webhooks/webchat?challenge=abc&token=verify-me',
      headers: { host: 'x/webhooks/other?' },
    });
    expect(real.status).toBe(200);
    expect(real.body).toBe('abc');
  });

  it('takes an absolute-form request target by its path', async () => {
    h = harness();
    const s = await listen(h.gateway.node);
    server = s.server;
    const res = await raw(s.port, { method: 'POST', path: 'http://evil.test/webhooks/webchat', headers: signed, body });
    expect(res.status).toBe(200);
    expect((await h.store.inbox.stats()).pending).toBe(1);
  });

  it('sends X-Content-Type-Options: nosniff with handshakes and errors', async () => {
    h = harness();
    const s = await listen(h.gateway.node);
    server = s.server;
    const handshake = await raw(s.port, {
      method: 'GET',
      path: '/webhooks/webchat?challenge=<b>hi</b>&token=verify-me',
      headers: {},
    });
    expect(handshake.headers['x-content-type-options']).toBe('nosniff');
    const refused = await raw(s.port, { method: 'POST', path: '/webhooks/webchat', headers: {}, body });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs a client that aborts its upload at debug level, not as an error', async () => {
    h = harness();
    const s = await listen(h.gateway.node);
    server = s.server;
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: s.port,
        method: 'POST',
        path: '/webhooks/webchat',
        headers: { ...signed, 'content-length': '100000' },
      });
      req.on('error', () => resolve());
      req.write(body.slice(0, 10), () => setTimeout(() => req.destroy(), 20));
      req.on('close', () => resolve());
    });
    await eventually(() =>
      expect(h.logger.lines.some((l) => l.level === 'debug' && /read/.test(l.msg ?? ''))).toBe(true),
    );
    expect(h.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect((await h.store.inbox.stats()).pending).toBe(0);
  });
});
