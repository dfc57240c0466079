import { afterEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { testAdapter } from '../test-support/test-adapter.js';
import { type Harness, harness, signedPost, webhookBody } from '../test-support/test-harness.js';

const body = webhookBody([{ id: 'e1', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);

describe('gateway request path (fetch)', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('stores the exact signed bytes with lowercase headers, and answers 200', async () => {
    h = harness();
    const res = await h.gateway.fetch(signedPost(body, { headers: { 'X-Custom': 'Yes' } }));
    expect(res.status).toBe(200);
    const [item] = await h.store.inbox.lease({ limit: 1, leaseMs: 1_000 });
    expect(item?.channel).toBe('webchat');
    expect(new TextDecoder().decode(item?.request.body)).toBe(body);
    expect(item?.request.method).toBe('POST');
    expect(item?.request.url).toBe('http://gateway.test/webhooks/webchat');
    expect(item?.request.headers['x-custom']).toBe('Yes');
    expect(item?.request.headers['x-test-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 404 for an unknown channel, naming the known ones', async () => {
    h = harness({ channels: [testAdapter(), testAdapter({ channel: 'messenger' })] });
    const res = await h.gateway.fetch(signedPost(body, { path: '/webhooks/whatsapp' }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ channels: ['webchat', 'messenger'] });
    expect((await h.store.inbox.stats()).pending).toBe(0);
  });

  it('answers 404 outside the webhook routes, and honours basePath', async () => {
    h = harness({ basePath: '/hooks/' });
    expect((await h.gateway.fetch(signedPost(body, { path: '/webhooks/webchat' }))).status).toBe(404);
    expect((await h.gateway.fetch(signedPost(body, { path: '/hooks/other/webchat' }))).status).toBe(404);
    expect((await h.gateway.fetch(signedPost(body, { path: '/hooks/webhooks/webchat/' }))).status).toBe(200);
    expect((await h.gateway.fetch(signedPost(body, { path: '/hooks/webhooks/webchat?x=1' }))).status).toBe(200);
    expect((await h.gateway.fetch(signedPost(body, { path: '/hooks/webhooks/%E0%A4%A' }))).status).toBe(404);
  });

  it('answers 401 for a bad or missing signature and stores nothing', async () => {
    h = harness();
    const wrong = await h.gateway.fetch(signedPost(body, { secret: 'other' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'SIGNATURE_INVALID' });
    const tampered = signedPost(body);
    const replaced = new Request(tampered.url, {
      method: 'POST',
      headers: tampered.headers,
      body: body.replace('hi', 'ho'),
    });
    expect((await h.gateway.fetch(replaced)).status).toBe(401);
    const unsigned = new Request('http://gateway.test/webhooks/webchat', { method: 'POST', body });
    expect((await h.gateway.fetch(unsigned)).status).toBe(401);
    expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
    expect(h.logger.lines.filter((l) => l.level === 'warn')).toHaveLength(3);
  });

  it('answers 413 past maxBodyBytes, by content-length and while reading', async () => {
    h = harness({ maxBodyBytes: 64 });
    const big = 'x'.repeat(65);
    expect((await h.gateway.fetch(signedPost(big))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(20)));
        controller.close();
      },
    });
    const chunked = new Request('http://gateway.test/webhooks/webchat', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.headers.get('content-length')).toBeNull();
    const res = await h.gateway.fetch(chunked);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    expect((await h.gateway.fetch(signedPost('x'.repeat(64)))).status).toBe(200);
    expect((await h.store.inbox.stats()).pending).toBe(1);
  });

  it('answers the handshake, and 404 for a GET that is not one', async () => {
    h = harness();
    const ok = await h.gateway.fetch(new Request('http://gateway.test/webhooks/webchat?challenge=abc&token=verify-me'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('abc');
    const wrong = await h.gateway.fetch(new Request('http://gateway.test/webhooks/webchat?challenge=abc&token=nope'));
    expect(wrong.status).toBe(403);
    const none = await h.gateway.fetch(new Request('http://gateway.test/webhooks/webchat'));
    expect(none.status).toBe(404);
  });

  it('answers 400 when the handshake throws a stray error, typed and logged once', async () => {
    const adapter = testAdapter();
    adapter.handshake = () => {
      throw new TypeError('oops');
    };
    h = harness({ channels: [adapter] });
    const res = await h.gateway.fetch(new Request('http://gateway.test/webhooks/webchat?challenge=1'));
    expect(res.status).toBe(400);
    const errors = h.logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj.err).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('oops') });
  });

  it('answers 405 for other methods', async () => {
    h = harness();
    const res = await h.gateway.fetch(new Request('http://gateway.test/webhooks/webchat', { method: 'PUT', body }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('answers 503 when the store does not take the webhook in time (the platform retries)', async () => {
    const inner = memoryStore();
    const slow: Store = { ...inner, inbox: { ...inner.inbox, enqueue: () => new Promise<string>(() => {}) } };
    h = harness({ store: slow, ackTimeoutMs: 20 });
    const res = await h.gateway.fetch(signedPost(body));
    expect(res.status).toBe(503);
    expect(h.logger.lines.some((l) => l.level === 'warn' && /503/.test(l.msg ?? ''))).toBe(true);
  });

  it('answers 503 when the store refuses the webhook', async () => {
    const inner = memoryStore();
    const broken: Store = {
      ...inner,
      inbox: { ...inner.inbox, enqueue: () => Promise.reject(new Error('disk full')) },
    };
    h = harness({ store: broken });
    const res = await h.gateway.fetch(signedPost(body));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'store unavailable' });
    expect(h.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('answers 503 "store unavailable" when the store fails a call the adapter makes before the enqueue', async () => {
    const inner = memoryStore();
    const broken: Store = { ...inner, kv: { ...inner.kv, get: () => Promise.reject(new Error('ECONNREFUSED')) } };
    let bound: Store | undefined;
    const base = testAdapter();
    const adapter = {
      ...base,
      bind: (ctx: { store: Store }) => {
        bound = ctx.store;
      },
      async verify(req: Parameters<typeof base.verify>[0]) {
        await bound!.kv.get('replay-guard');
        return base.verify(req);
      },
    };
    h = harness({ store: broken, channels: [adapter] });
    const res = await h.gateway.fetch(signedPost(body));
    expect([res.status, await res.json()]).toEqual([503, { error: 'store unavailable' }]);
    expect((await inner.inbox.stats()).pending).toBe(0);
  });

  it('answers 503 once closing', async () => {
    h = harness();
    await h.gateway.close();
    expect((await h.gateway.fetch(signedPost(body))).status).toBe(503);
  });
});
