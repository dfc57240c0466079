import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testSign } from '../test-support/test-adapter.js';
import {
  type Harness,
  harness,
  listenNode,
  type Middleware,
  signedPost,
  webhookBody,
} from '../test-support/test-harness.js';

const body = webhookBody([{ id: 'b1', kind: 'text', user: 'u1', text: 'hello', ts: 1 }]);
const headers = { 'content-type': 'application/json', 'x-test-signature': testSign(body, 'test-secret') };
const NOTICE = 'a body parser read the request body before Loket';

/** Reads the stream and leaves a parsed object behind, as a JSON body parser does; `extra` is set on the request. */
const parseFirst =
  (extra: Record<string, unknown> = {}): Middleware =>
  (req, _res, next) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), ...extra });
      next();
    });
  };

/** A Request whose body a middleware already read (`await c.req.json()` in Hono). */
async function readFirst(): Promise<Request> {
  const request = signedPost(body);
  await request.json();
  return request;
}

describe('a body parser that ran before Loket', () => {
  let h: Harness;
  let server: Server | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    await h.gateway.close();
  });

  const nodePost = async (before: Middleware) => {
    const s = await listenNode(h.gateway.node, before);
    server = s.server;
    return () => fetch(`${s.url}/webhooks/webchat`, { method: 'POST', headers, body });
  };

  // First in this file: the notice goes to stderr once per process.
  it('answers 500 CONFIG with the fix on both bindings, and tells stderr once even with logger: false', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    h = harness({ logger: false });
    const post = await nodePost(parseFirst());
    const answers = [await post(), await post(), await h.gateway.fetch(await readFirst())];
    for (const res of answers) {
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ error: 'CONFIG', reason: 'body-already-read' });
    }
    const notices = write.mock.calls.filter(([chunk]) => String(chunk).includes(NOTICE));
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.[0])).toContain('mount gateway.node before any body parser');
    expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('names Express when the request carries its app, and logs through the configured logger', async () => {
    h = harness();
    const app = Object.assign(() => undefined, { use: () => undefined });
    const res = await (await nodePost(parseFirst({ app, _body: true })))();
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, string>;
    expect(answer.framework).toBe('express');
    expect(answer.message).toContain(NOTICE);
    expect(answer.message).toContain('mount app.use(gateway.node) before express.json()');
    expect(answer.message).toContain('verify: (req, _res, bytes) => { req.rawBody = bytes }');
    expect(answer.message).toContain(answer.fix);
    expect(h.logger.lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([answer.message]);
  });

  it('does not take a string rawBody (decoded text, not the signed bytes) and says so', async () => {
    h = harness();
    const res = await (await nodePost(parseFirst({ rawBody: body })))();
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, string>;
    expect(answer.message).toContain('req.rawBody is a string: keep it as the Buffer itself');
    expect(await h.store.inbox.stats()).toMatchObject({ pending: 0 });
  });

  it('on gateway.fetch names Hono and Next.js: do not read the body before gateway.fetch', async () => {
    h = harness();
    const res = await h.gateway.fetch(await readFirst());
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, string>;
    expect(answer.framework).toBe('fetch');
    expect(answer.message).toContain(NOTICE);
    expect(answer.message).toContain('in Hono do not call c.req.json()');
    expect(answer.message).toContain('before gateway.fetch(c.req.raw)');
  });
});
