import { request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { testSign } from '../test-support/test-adapter.js';
import { eventually, type Harness, harness, listenNode, webhookBody } from '../test-support/test-harness.js';

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
  const running: { h: Harness; server: Server }[] = [];
  afterEach(async () => {
    for (const { h, server } of running.splice(0)) {
      server.close();
      await h.gateway.close();
    }
  });
  const serve = async () => {
    const h = harness();
    const { server, port } = await listenNode(h.gateway.node);
    running.push({ h, server });
    return { h, port };
  };

  it('routes on the request target: a Host header cannot turn POST /healthz into a webhook', async () => {
    const { h, port } = await serve();
    const res = await raw(port, {
      method: 'POST',
      path: '/healthz',
      headers: { ...signed, host: '127.0.0.1/webhooks/webchat?' },
      body,
    });
    expect(res.status).toBe(418);
    expect((await h.store.inbox.stats()).pending).toBe(0);
  });

  it('answers a handshake only on its own path, whatever the Host says', async () => {
    const { port } = await serve();
    const hostile = await raw(port, {
      method: 'GET',
      path: '/other?challenge=abc&token=verify-me',
      headers: { host: 'x/webhooks/webchat?' },
    });
    expect(hostile.status).toBe(418);
    const real = await raw(port, {
      method: 'GET',
      path: '/webhooks/webchat?challenge=abc&token=verify-me',
      headers: { host: 'x/webhooks/other?' },
    });
    expect(real.status).toBe(200);
    expect(real.body).toBe('abc');
  });

  it('takes an absolute-form request target by its path', async () => {
    const { h, port } = await serve();
    const res = await raw(port, { method: 'POST', path: 'http://evil.test/webhooks/webchat', headers: signed, body });
    expect(res.status).toBe(200);
    expect((await h.store.inbox.stats()).pending).toBe(1);
  });

  it('sends X-Content-Type-Options: nosniff with handshakes and errors', async () => {
    const { port } = await serve();
    const handshake = await raw(port, {
      method: 'GET',
      path: '/webhooks/webchat?challenge=<b>hi</b>&token=verify-me',
      headers: {},
    });
    expect(handshake.headers['x-content-type-options']).toBe('nosniff');
    const refused = await raw(port, { method: 'POST', path: '/webhooks/webchat', headers: {}, body });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs a client that aborts its upload at debug level, not as an error', async () => {
    const { h, port } = await serve();
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: port,
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
