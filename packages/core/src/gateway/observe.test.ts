import { afterEach, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import type { GatewaySignal } from './observe.js';
import { signedPost, eventually, type Harness, harness } from '../test-support/test-harness.js';

const to = { channel: 'webchat' as const, account: 'acc', user: 'u1' };

function collect(h: Harness): GatewaySignal[] {
  const signals: GatewaySignal[] = [];
  h.gateway.observe((s) => signals.push(s));
  return signals;
}

describe('gateway.observe', () => {
  let h: Harness;
  afterEach(() => h.gateway.close());

  it('reports webhooks accepted and refused, with the reason and the ack time', async () => {
    h = harness();
    const signals = collect(h);
    await h.post([{ id: 'e1', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);
    await h.gateway.fetch(signedPost('{}', { secret: 'wrong' }));
    await h.gateway.fetch(signedPost('{}', { path: '/webhooks/nope' }));
    const accepted = signals.find((s) => s.type === 'webhook.accepted');
    expect(accepted).toMatchObject({ channel: 'webchat' });
    expect(accepted && 'ackMs' in accepted && accepted.ackMs).toBeGreaterThanOrEqual(0);
    const refused = signals.filter((s) => s.type === 'webhook.refused');
    expect(refused.map((s) => s.type === 'webhook.refused' && [s.reason, s.status])).toEqual([
      ['signature', 401],
      ['unknown-channel', 404],
    ]);
  });

  it('reports events handled, failed (to be retried), duplicates and dead letters', async () => {
    h = harness({ worker: { pollMs: 10, retry: { attempts: 2 } } });
    const signals = collect(h);
    h.gateway.on('message', (event) => {
      if (event.type === 'message' && event.content.type === 'text' && event.content.text === 'boom') {
        throw new Error('handler bug');
      }
    });
    await h.gateway.start();
    await h.post([{ id: 'ok1', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);
    await h.post([{ id: 'ok1', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);
    await h.post([{ id: 'bad1', kind: 'text', user: 'u2', text: 'boom', ts: 2 }]);
    await eventually(() => expect(signals.some((s) => s.type === 'request.dead-lettered')).toBe(true));
    const types = signals.map((s) => s.type);
    expect(types).toContain('event.handled');
    expect(types).toContain('event.duplicate');
    const failed = signals.filter((s) => s.type === 'event.failed');
    expect(failed.map((s) => s.type === 'event.failed' && s.willRetry)).toEqual([true, false]);
  });

  it('reports sends accepted, refused with their code, and failed', async () => {
    h = harness();
    const signals = collect(h);
    await h.gateway.send({ to, content: { type: 'text', text: 'hello' } });
    await h.gateway.send({ to, content: { type: 'choice', id: 'x' } }).catch(() => undefined);
    h.adapter.failSend = new LoketError('PLATFORM_ERROR', 'down', { platformCode: 500 });
    await h.gateway.send({ to, content: { type: 'text', text: 'again' } }).catch(() => undefined);
    const sends = signals.filter((s) => s.type.startsWith('send.') && s.type !== 'send.paced');
    expect(sends.map((s) => [s.type, 'code' in s ? s.code : undefined])).toEqual([
      ['send.accepted', undefined],
      ['send.refused', 'UNSUPPORTED_CONTENT'],
      ['send.failed', 'PLATFORM_ERROR'],
    ]);
  });

  it('never lets a listener that throws break the request', async () => {
    h = harness();
    h.gateway.observe(() => {
      throw new Error('listener bug');
    });
    await h.post([{ id: 'e2', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);
    expect(h.logger.lines.some((l) => l.level === 'warn' && /listener threw/.test(l.msg ?? ''))).toBe(true);
  });
});

describe('maxPending', () => {
  let h: Harness;
  afterEach(() => h.gateway.close());

  it('answers 503 (the platform retries) while the inbox is over it, and takes webhooks again once drained', async () => {
    h = harness({ maxPending: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.gateway.fetch(
        signedPost(
          JSON.stringify({ account: 'acc', events: [{ id: `f${i}`, kind: 'text', user: 'u', text: 'x', ts: 1 }] }),
        ),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2)).toEqual([503, 503, 503]);
    expect((await h.store.inbox.stats()).pending).toBe(2);
    await h.gateway.start();
    await eventually(async () => expect((await h.store.inbox.stats()).pending).toBe(0));
    await eventually(async () => {
      const res = await h.gateway.fetch(
        signedPost(
          JSON.stringify({ account: 'acc', events: [{ id: 'g1', kind: 'text', user: 'u', text: 'x', ts: 1 }] }),
        ),
      );
      expect(res.status).toBe(200);
    });
  });
});

describe('gateway.health and store failures', () => {
  let h: Harness;
  afterEach(() => h.gateway.close());

  it('reports the store, the worker and the queues, and serves them on the health route', async () => {
    h = harness({ healthPath: '/healthz' });
    await h.post([{ id: 'h1', kind: 'text', user: 'u1', text: 'hi', ts: 1 }]);
    const before = await h.gateway.health();
    expect(before).toMatchObject({ ok: false, store: { reachable: true }, worker: { running: false } });
    expect(before.inbox?.pending).toBe(1);
    await h.gateway.start();
    const res = await h.gateway.fetch(new Request('http://gateway.test/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, worker: { running: true } });
  });

  it('turns a raw store failure into a LoketError NETWORK for callers, and an unreachable store in health', async () => {
    const real = memoryStore();
    const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
    const store: Store = {
      ...real,
      inbox: { ...real.inbox, deadLetters: () => Promise.reject(busy), stats: () => Promise.reject(busy) },
      conversations: { ...real.conversations, get: () => Promise.reject(busy) },
    };
    h = harness({ store });
    const err = await h.gateway.deadLetters().catch((e: unknown) => e);
    expect(LoketError.is(err)).toBe(true);
    expect(err).toMatchObject({ code: 'NETWORK', retryable: true, platformCode: 'SQLITE_BUSY' });
    const sent = await h.gateway.send({ to, content: { type: 'text', text: 'x' } }).catch((e: unknown) => e);
    expect(LoketError.is(sent) && sent.code).toBe('NETWORK');
    const health = await h.gateway.health();
    expect(health).toMatchObject({ ok: false, store: { reachable: false } });
  });
});
