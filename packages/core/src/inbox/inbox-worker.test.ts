import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../model/events.js';
import { eventually, type Harness, harness, signedPost } from '../test-support/test-harness.js';

const text = (id: string, user: string, t: string, ts = 1) => ({ id, kind: 'text' as const, user, text: t, ts });
const texts = (events: InboundEvent[]) =>
  events.map((e) => (e.type === 'message' && e.content.type === 'text' ? e.content.text : e.type));

describe('inbox worker', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('hands every event of every conversation in a request to the handlers, in timestamp order', async () => {
    h = harness();
    const seen: InboundEvent[] = [];
    h.gateway.on('message', (event) => {
      seen.push(event);
    });
    await h.gateway.start();
    await h.post([text('a2', 'u1', 'second', 20), text('b1', 'u2', 'other', 5), text('a1', 'u1', 'first', 10)]);
    await eventually(() => expect(seen).toHaveLength(3));
    expect(texts(seen.filter((e) => e.conversation.user === 'u1'))).toEqual(['first', 'second']);
    expect(seen[0]?.conversation).toEqual({ channel: 'webchat', account: 'acc', user: seen[0]?.conversation.user });
    await eventually(async () => expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
  });

  it('keeps nothing unhandled until started', async () => {
    h = harness();
    const seen: string[] = [];
    h.gateway.on('*', (e) => {
      seen.push(e.id);
    });
    await h.post([text('x1', 'u1', 'hi')]);
    expect((await h.store.inbox.stats()).pending).toBe(1);
    expect(h.logger.lines.some((l) => l.level === 'info' && /gateway\.start\(\)/.test(l.msg ?? ''))).toBe(true);
    await h.gateway.start();
    await eventually(() => expect(seen).toEqual(['x1']));
  });

  it('runs type handlers, then * handlers, in registration order; an unsubscribed handler stops', async () => {
    h = harness();
    const calls: string[] = [];
    h.gateway.on('*', (e) => {
      calls.push(`star:${e.type}`);
    });
    h.gateway.on('message', () => {
      calls.push('message-1');
    });
    const off = h.gateway.on('message', () => {
      calls.push('removed');
    });
    h.gateway.on('message', async () => {
      calls.push('message-2');
    });
    h.gateway.on('reaction', () => {
      calls.push('reaction');
    });
    off();
    await h.gateway.start();
    await h.post([
      text('m1', 'u1', 'hi', 1),
      { id: 'r1', kind: 'reaction', user: 'u1', messageId: 'm0', emoji: '👍', ts: 2 },
    ]);
    await eventually(() => expect(calls).toHaveLength(5));
    expect(calls).toEqual(['message-1', 'message-2', 'star:message', 'reaction', 'star:reaction']);
  });

  it('hands each event id to handlers once, for every kind, across redeliveries', async () => {
    h = harness();
    const seen: string[] = [];
    h.gateway.on('*', (e) => {
      seen.push(e.id);
    });
    await h.gateway.start();
    const batch = [
      text('m1', 'u1', 'hi', 1),
      { id: 'r1', kind: 'reaction' as const, user: 'u1', messageId: 'm1', emoji: '👍', ts: 2 },
      { id: 's1', kind: 'status' as const, user: 'u1', messageId: 'out-1', status: 'delivered' as const, ts: 3 },
      { id: 'd1', kind: 'read' as const, user: 'u1', messageId: 'out-1', ts: 4 },
      { id: 't1', kind: 'typing' as const, user: 'u1', ts: 5 },
      { id: 'x1', kind: 'mystery' as const, user: 'u1', ts: 6 },
    ];
    await h.post(batch);
    await eventually(() => expect(seen).toHaveLength(6));
    await h.post(batch);
    await h.post([...batch].reverse());
    await eventually(async () => expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect([...seen].sort()).toEqual(['d1', 'm1', 'r1', 's1', 't1', 'x1']);
  });

  it('keeps one conversation in order behind a slow handler while another conversation goes on', async () => {
    h = harness();
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const order: string[] = [];
    h.gateway.on('message', async (event) => {
      if (event.content.type !== 'text') return;
      order.push(`start:${event.content.text}`);
      if (event.content.text === 'slow') await slow;
      order.push(`end:${event.content.text}`);
    });
    await h.gateway.start();
    await h.post([text('a1', 'alice', 'slow', 1)]);
    await eventually(() => expect(order).toEqual(['start:slow']));
    await h.post([text('a2', 'alice', 'after-slow', 2), text('b1', 'bob', 'bob-1', 1)]);
    await h.post([text('b2', 'bob', 'bob-2', 2)]);
    try {
      await eventually(() => expect(order).toContain('end:bob-2'));
      expect(order).not.toContain('start:after-slow');
    } finally {
      releaseSlow();
    }
    await eventually(() => expect(order).toContain('end:after-slow'));
    const alice = order.filter((o) => /slow/.test(o));
    expect(alice).toEqual(['start:slow', 'end:slow', 'start:after-slow', 'end:after-slow']);
  });

  it('retries a throwing handler with ctx.attempt, then dead-letters only the failed event, and replay re-runs only it', async () => {
    h = harness({ worker: { retry: { attempts: 3 } } });
    const attempts: Record<string, number[]> = {};
    let broken = true;
    h.gateway.on('message', (event, ctx) => {
      attempts[event.id] = [...(attempts[event.id] ?? []), ctx.attempt];
      if (event.id === 'bad' && broken) throw new Error('handler bug');
    });
    await h.gateway.start();
    await h.post([text('good', 'u1', 'fine', 1), text('bad', 'u2', 'breaks', 1), text('later', 'u2', 'next', 2)]);
    await eventually(async () => expect((await h.store.inbox.stats()).dead).toBe(1));
    expect(attempts).toEqual({ good: [1], bad: [1, 2, 3], later: [1] });
    const [letter] = await h.gateway.deadLetters();
    expect(letter?.failedEvents).toEqual(['bad']);
    expect(letter?.error).toContain('handler bug');
    expect(h.logger.lines.filter((l) => l.level === 'warn' && l.obj.eventId === 'bad')).toHaveLength(2);
    expect(h.logger.lines.filter((l) => l.level === 'error' && l.obj.eventId === 'bad')).toHaveLength(1);

    broken = false;
    expect(await h.gateway.replay(letter!.id)).toBe(true);
    await eventually(() => expect(attempts.bad).toEqual([1, 2, 3, 1]));
    await eventually(async () => expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect(attempts.good).toEqual([1]);
    expect(attempts.later).toEqual([1]);
    expect(await h.gateway.replay(letter!.id)).toBe(false);
  });

  it('acknowledges a signed body that is not JSON, dead-letters it with its bytes, and keeps serving', async () => {
    h = harness();
    const seen: string[] = [];
    h.gateway.on('*', (e) => {
      seen.push(e.id);
    });
    await h.gateway.start();
    const res = await h.gateway.fetch(signedPost('not json {'));
    expect(res.status).toBe(200);
    await eventually(async () => expect((await h.store.inbox.stats()).dead).toBe(1));
    const [letter] = await h.gateway.deadLetters();
    expect(new TextDecoder().decode(letter?.request.body)).toBe('not json {');
    expect(letter?.failedEvents).toEqual([]);
    expect(h.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);

    await h.post([{ id: 'ok', kind: 'text', user: 'u1', text: 'still here', ts: 1 }]);
    await eventually(() => expect(seen).toEqual(['ok']));
  });

  it('dead-letters a body of the wrong shape, and one whose events do not match the model', async () => {
    h = harness();
    h.adapter.parse = (req) => {
      const parsed = JSON.parse(new TextDecoder().decode(req.body)) as { bogus?: boolean };
      if (parsed.bogus) return [{ id: '', type: 'message' }] as unknown as InboundEvent[];
      throw new Error('unexpected shape');
    };
    await h.gateway.start();
    await h.gateway.fetch(signedPost('{"wrong":1}'));
    await h.gateway.fetch(signedPost('{"bogus":true}'));
    await eventually(async () => expect((await h.store.inbox.stats()).dead).toBe(2));
    const letters = await h.gateway.deadLetters();
    expect(letters.map((l) => l.error)).toEqual([
      expect.stringContaining('unexpected shape'),
      expect.stringContaining('invalid event at 0'),
    ]);
  });

  it('close waits for the work in flight', async () => {
    h = harness();
    let finished = false;
    let entered: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    h.gateway.on('message', async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    });
    await h.gateway.start();
    await h.post([text('c1', 'u1', 'hi')]);
    await inHandler;
    await h.gateway.close();
    expect(finished).toBe(true);
    expect(await h.store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('close cuts a retry backoff short and puts the item back for the next worker', async () => {
    h = harness({ worker: { retry: { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 } } });
    let calls = 0;
    h.gateway.on('message', () => {
      calls += 1;
      throw new Error('down');
    });
    await h.gateway.start();
    await h.post([text('c1', 'u1', 'hi')]);
    await eventually(() => expect(calls).toBe(1));
    await h.gateway.close();
    expect(calls).toBe(1);
    expect(await h.store.inbox.stats()).toEqual({ pending: 1, leased: 0, dead: 0 });
    const next = harness({ store: h.store });
    const seen: string[] = [];
    next.gateway.on('message', (event) => {
      seen.push(event.id);
    });
    await next.gateway.start();
    await eventually(() => expect(seen).toEqual(['c1']));
    await next.gateway.close();
  });
});
