import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testSign } from '../test-support/test-adapter.js';
import {
  eventually,
  type Harness,
  harness,
  listenNode,
  type Middleware,
  webhookBody,
} from '../test-support/test-harness.js';

/** A tiny stand-in for express.json(): reads the stream and leaves a parsed object behind, like body-parser does. */
const jsonParser: Middleware = (req, _res, next) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    req._body = true;
    next();
  });
};

const body = webhookBody([{ id: 'n1', kind: 'text', user: 'u1', text: 'hello', ts: 1 }]);
const headers = { 'content-type': 'application/json', 'x-test-signature': testSign(body, 'test-secret') };

describe('gateway.node', () => {
  let h: Harness;
  let server: Server | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await h.gateway.close();
  });

  it('takes a signed webhook over node:http and hands the event to a handler', async () => {
    h = harness();
    const seen: string[] = [];
    h.gateway.on('message', (event) => {
      if (event.content.type === 'text') seen.push(event.content.text);
    });
    await h.gateway.start();
    const s = await listenNode(h.gateway.node);
    server = s.server;
    const res = await fetch(`${s.url}/webhooks/webchat`, { method: 'POST', headers, body });
    expect(res.status).toBe(200);
    await eventually(() => expect(seen).toEqual(['hello']));
  });

  it('answers the handshake, 401 on a bad signature, 404 for an unknown channel, and next() elsewhere', async () => {
    h = harness();
    const s = await listenNode(h.gateway.node);
    server = s.server;
    const challenge = await fetch(`${s.url}/webhooks/webchat?challenge=c1&token=verify-me`);
    expect(await challenge.text()).toBe('c1');
    const bad = await fetch(`${s.url}/webhooks/webchat`, {
      method: 'POST',
      headers: { 'x-test-signature': '00' },
      body,
    });
    expect(bad.status).toBe(401);
    expect((await fetch(`${s.url}/webhooks/nope`, { method: 'POST', headers, body })).status).toBe(404);
    expect(await (await fetch(`${s.url}/elsewhere`)).text()).toBe('next');
    expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('answers 413 for a body past maxBodyBytes', async () => {
    h = harness({ maxBodyBytes: 10 });
    const s = await listenNode(h.gateway.node);
    server = s.server;
    const res = await fetch(`${s.url}/webhooks/webchat`, { method: 'POST', headers, body });
    expect(res.status).toBe(413);
  });

  it('answers 500 with what to do when a JSON parser consumed the body, and logs it', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the once-per-process notice
    h = harness();
    const s = await listenNode(h.gateway.node, jsonParser);
    server = s.server;
    const res = await fetch(`${s.url}/webhooks/webchat`, { method: 'POST', headers, body });
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, string>;
    expect(answer).toMatchObject({ error: 'CONFIG', reason: 'body-already-read', framework: 'node' });
    expect(answer.message).toContain('a body parser read the request body before Loket');
    expect(answer.message).toContain('mount gateway.node before any body parser');
    const errors = h.logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toBe(answer.message);
    expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('accepts raw bytes a framework kept as req.rawBody or a Buffer req.body', async () => {
    h = harness();
    const keepRaw: Middleware = (req, _res, next) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (req.headers['x-as'] === 'body') req.body = raw;
        else Object.assign(req, { rawBody: raw, body: JSON.parse(raw.toString('utf8')), _body: true });
        next();
      });
    };
    const s = await listenNode(h.gateway.node, keepRaw);
    server = s.server;
    const viaRaw = await fetch(`${s.url}/webhooks/webchat`, { method: 'POST', headers, body });
    expect(viaRaw.status).toBe(200);
    const viaBody = await fetch(`${s.url}/webhooks/webchat`, {
      method: 'POST',
      headers: { ...headers, 'x-as': 'body' },
      body,
    });
    expect(viaBody.status).toBe(200);
    const items = await h.store.inbox.lease({ limit: 5, leaseMs: 1_000 });
    expect(items.map((i) => new TextDecoder().decode(i.request.body))).toEqual([body, body]);
  });
});
