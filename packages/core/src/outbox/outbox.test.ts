import { afterEach, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { createGateway } from '../gateway/create-gateway.js';
import { testAdapter } from '../test-support/test-adapter.js';
import { eventually, harness, type Harness } from '../test-support/test-harness.js';
import type { ConversationRef } from '../model/conversation.js';
import type { OutboundMessage } from '../model/outbound.js';
import { memoryStore } from '../store/memory-store.js';
import type { OutboxProgress } from './outbox-types.js';
// Core cannot depend on @loket/testing (a build cycle), so its tests take the kit's helper by path.
import { catchLoketError as rejection } from '../../../testing/src/catch-loket-error.js';

const ref = (user: string): ConversationRef => ({ channel: 'webchat', account: 'acc', user });
const hello = { type: 'text' as const, text: 'hello' };
const quick = { pollMs: 10, retry: { baseDelayMs: 1, maxDelayMs: 5 } };

/** Makes the test adapter's next `n` sends throw `error`, then send normally. */
function failNext(h: Harness, n: number, error: unknown): void {
  const send = h.adapter.send.bind(h.adapter);
  let left = n;
  h.adapter.send = async (message: OutboundMessage) => {
    if (left > 0) {
      left -= 1;
      throw error;
    }
    return send(message);
  };
}

describe('gateway outbox', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('delivers a queued send in the background and reports its receipt', async () => {
    h = harness({ outbox: quick });
    await h.gateway.start();
    const handle = await h.gateway.enqueueSend({ to: ref('u1'), content: hello });
    expect(handle.total).toBe(1);
    const report = await handle.done();
    expect(report).toMatchObject({ id: handle.id, total: 1, complete: true });
    expect(report.counts).toEqual({ pending: 0, done: 1, failed: 0, 'skipped-no-consent': 0 });
    expect(report.jobs[0]).toMatchObject({ to: ref('u1'), state: 'done', attempts: 1 });
    expect(report.jobs[0]?.receipt?.messageId).toBe('out-1');
    expect(h.adapter.sent).toEqual([{ to: ref('u1'), content: hello }]);
    expect(await h.gateway.broadcastStatus(handle.id)).toEqual(report);
  });

  it('keeps a send stored while no worker runs, and a later gateway on the store delivers it', async () => {
    const store = memoryStore();
    h = harness({ store, outbox: quick });
    const handle = await h.gateway.enqueueSend({ to: ref('u1'), content: hello });
    await h.gateway.close();
    expect(h.adapter.sent).toEqual([]);
    expect((await store.outbox.stats()).pending).toBe(1);

    h = harness({ store, outbox: quick });
    await h.gateway.start();
    const report = await eventually(async () => {
      const status = await h.gateway.broadcastStatus(handle.id);
      expect(status?.complete).toBe(true);
      return status;
    });
    expect(report?.counts.done).toBe(1);
    expect(h.adapter.sent).toEqual([{ to: ref('u1'), content: hello }]);
  });

  it('broadcasts only to recipients with consent for the topic, reporting progress per recipient', async () => {
    // One send at a time, so the progress reports come in a known order.
    h = harness({ outbox: { ...quick, concurrency: 1 } });
    const users = ['u1', 'u2', 'u3', 'u4', 'u5'];
    for (const user of ['u1', 'u3', 'u5']) await h.gateway.consent.grant(ref(user), { topic: 'news' });
    const events: OutboxProgress[] = [];
    h.gateway.onOutbox((p) => {
      events.push(p);
    });
    await h.gateway.start();
    const handle = await h.gateway.broadcast(users.map(ref), hello, { topic: 'news' });
    const report = await handle.done();

    expect(report.counts).toEqual({ pending: 0, done: 3, failed: 0, 'skipped-no-consent': 2 });
    expect(report.jobs.map((j) => [j.to.user, j.state])).toEqual([
      ['u1', 'done'],
      ['u2', 'skipped-no-consent'],
      ['u3', 'done'],
      ['u4', 'skipped-no-consent'],
      ['u5', 'done'],
    ]);
    expect(h.adapter.sent.map((m) => [m.to.user, m.topic])).toEqual([
      ['u1', 'news'],
      ['u3', 'news'],
      ['u5', 'news'],
    ]);
    expect(events).toHaveLength(5);
    expect(events.every((e) => e.batch === handle.id && e.total === 5)).toBe(true);
    const finished = events.map((e) => 5 - e.counts.pending);
    expect(finished).toEqual([1, 2, 3, 4, 5]);
    expect(events.at(-1)).toMatchObject({ complete: true, counts: report.counts });
  });

  it('checks consent when the send is tried, not when it is queued', async () => {
    h = harness({ outbox: quick });
    await h.gateway.consent.grant(ref('u1'), { topic: 'news' });
    const handle = await h.gateway.broadcast([ref('u1')], hello, { topic: 'news' });
    await h.gateway.consent.revoke(ref('u1'));
    await h.gateway.start();
    expect((await handle.done()).jobs[0]?.state).toBe('skipped-no-consent');
    expect(h.adapter.sent).toEqual([]);
  });

  it('retries a rate-limited send no sooner than the platform asked', async () => {
    h = harness({ outbox: quick });
    failNext(h, 1, new LoketError('RATE_LIMITED', '[loket] [webchat] slow down', { retryAfterMs: 40 }));
    await h.gateway.start();
    const report = await (await h.gateway.enqueueSend({ to: ref('u1'), content: hello })).done();
    expect(report.jobs[0]).toMatchObject({ state: 'done', attempts: 2 });
    const retry = h.logger.lines.find((l) => l.msg === 'outbox send failed: retrying later');
    expect(retry?.obj).toMatchObject({ code: 'RATE_LIMITED', attempt: 1 });
    expect(retry?.obj.delayMs).toBeGreaterThanOrEqual(40);
    expect(h.adapter.sent).toHaveLength(1);
  });

  it('retries network and platform errors with backoff, and fails after the last try with the error kept', async () => {
    h = harness({ outbox: { ...quick, retry: { ...quick.retry, attempts: 3 } } });
    failNext(h, 10, new LoketError('NETWORK', '[loket] [webchat] connection reset'));
    await h.gateway.start();
    const report = await (await h.gateway.enqueueSend({ to: ref('u1'), content: hello })).done();
    expect(report.jobs[0]).toMatchObject({ state: 'failed', attempts: 3 });
    expect(report.jobs[0]?.error).toBeInstanceOf(LoketError);
    expect(report.jobs[0]?.error).toMatchObject({ code: 'NETWORK', message: '[loket] [webchat] connection reset' });
  });

  it('fails a refused send at once, keeping the LoketError with its platform code', async () => {
    h = harness({ outbox: quick });
    failNext(
      h,
      1,
      new LoketError('RECIPIENT_UNAVAILABLE', '[loket] [webchat] cannot receive', { platformCode: 131026 }),
    );
    await h.gateway.start();
    const report = await (await h.gateway.enqueueSend({ to: ref('u1'), content: hello })).done();
    expect(report.counts.failed).toBe(1);
    expect(report.jobs[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect(report.jobs[0]?.error).toMatchObject({
      code: 'RECIPIENT_UNAVAILABLE',
      retryable: false,
      platformCode: 131026,
    });
    expect(h.adapter.sent).toEqual([]);
  });

  it('fails content the channel refuses (strict) without calling the adapter', async () => {
    h = harness({ outbox: quick });
    await h.gateway.start();
    const long = { type: 'text' as const, text: 'x'.repeat(500) };
    const report = await (await h.gateway.enqueueSend({ to: ref('u1'), content: long }, { strict: true })).done();
    expect(report.jobs[0]?.error?.code).toBe('CONTENT_LIMIT');
    expect(h.adapter.sent).toEqual([]);
  });

  it('refuses bad outbox options with CONFIG naming them', () => {
    let err: unknown;
    try {
      createGateway({ channels: [testAdapter()], outbox: { concurrency: 0 } });
    } catch (e) {
      err = e;
    }
    expect(LoketError.is(err) && err.code).toBe('CONFIG');
    expect(String((err as Error).message)).toContain('outbox.concurrency');
  });

  it('refuses bad input before storing anything', async () => {
    h = harness({ outbox: quick });
    const noTopic = await rejection(h.gateway.broadcast([ref('u1')], hello, { topic: '' }));
    expect(noTopic.code).toBe('BAD_REQUEST');
    expect((await rejection(h.gateway.broadcast([], hello, { topic: 'news' }))).code).toBe('BAD_REQUEST');
    const unknown = { channel: 'messenger' as const, account: 'a', user: 'u' };
    expect((await rejection(h.gateway.enqueueSend({ to: unknown, content: hello }))).code).toBe('CONFIG');
    const bad = { to: ref('u1'), content: { type: 'text' } } as unknown as OutboundMessage;
    expect((await rejection(h.gateway.enqueueSend(bad))).code).toBe('BAD_REQUEST');
    expect(await h.store.outbox.stats()).toEqual({ pending: 0, leased: 0, finished: 0 });
    expect(await h.gateway.broadcastStatus('no-such-batch')).toBeUndefined();
  });

  it('rejects done() when the gateway closes before the batch finished; the jobs stay stored', async () => {
    h = harness({ outbox: quick });
    const handle = await h.gateway.enqueueSend({ to: ref('u1'), content: hello });
    const waiting = rejection(handle.done());
    await h.gateway.close();
    expect((await waiting).code).toBe('NETWORK');
    expect((await h.gateway.broadcastStatus(handle.id))?.counts.pending).toBe(1);
  });
});
