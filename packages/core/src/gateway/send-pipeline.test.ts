import { afterEach, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import type { ConversationRef } from '../model/conversation.js';
import type { InboundEvent } from '../model/events.js';
import type { OutboundMessage } from '../model/outbound.js';
import { eventually, type Harness, harness } from '../test-support/test-harness.js';
// Core cannot depend on @loket/testing (a build cycle), so its tests take the kit's helper by path.
import { catchLoketError as rejection } from '../../../testing/src/catch-loket-error.js';

const to: ConversationRef = { channel: 'webchat', account: 'acc', user: 'u1' };
const menu = {
  type: 'buttons' as const,
  text: 'Pick one',
  buttons: [
    { id: 'tea', title: 'Tea' },
    { id: 'coffee', title: 'Coffee' },
  ],
};

describe('gateway.send', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('sends through the adapter, records the message and logs it on the gateway clock', async () => {
    h = harness({ now: () => 7_000 });
    const receipt = await h.gateway.send({ to, content: { type: 'text', text: 'hello' } });
    expect(receipt).toEqual({ messageId: 'out-1', conversation: to, acceptedAt: 1_001 });
    expect(h.adapter.sent).toEqual([{ to, content: { type: 'text', text: 'hello' } }]);
    expect(await h.store.messages.conversationOf('out-1')).toEqual(to);
    expect(await h.store.log.read(to)).toEqual([
      {
        seq: 1,
        at: 7_000,
        kind: 'message',
        key: 'sent:out-1',
        data: { messageId: 'out-1', author: { kind: 'agent' }, content: { type: 'text', text: 'hello' } },
      },
    ]);
  });

  it('takes a plain string as text content, on send and enqueueSend', async () => {
    h = harness();
    await h.gateway.send({ to, content: 'hello' });
    expect(h.adapter.sent).toEqual([{ to, content: { type: 'text', text: 'hello' } }]);
    await h.gateway.start();
    const handle = await h.gateway.enqueueSend({ to, content: 'later' });
    expect((await handle.done({ timeoutMs: 5000 })).complete).toBe(true);
    expect(h.adapter.sent.map((m) => m.content)).toEqual([
      { type: 'text', text: 'hello' },
      { type: 'text', text: 'later' },
    ]);
  });

  it('refuses an invalid message with BAD_REQUEST, and a channel without adapter with CONFIG, before any send', async () => {
    h = harness();
    const bad = await rejection(h.gateway.send({ to, content: { type: 'text' } } as unknown as OutboundMessage));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('content');
    const none = await rejection(
      h.gateway.send({ to: { ...to, channel: 'whatsapp' }, content: { type: 'text', text: 'x' } }),
    );
    expect(none.code).toBe('CONFIG');
    expect(none.message).toContain('whatsapp');
    expect(h.adapter.sent).toEqual([]);
  });

  it('splits a long text into parts and says so in the receipt', async () => {
    h = harness();
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const receipt = await h.gateway.send({ to, content: { type: 'text', text: long }, replyTo: 'in-1' });
    expect(h.adapter.sent.length).toBeGreaterThan(1);
    expect(receipt.degraded).toBe(true);
    expect(receipt.messageIds).toEqual(h.adapter.sent.map((_, i) => `out-${i + 1}`));
    expect(receipt.messageId).toBe('out-1');
    expect(h.adapter.sent.map((m) => m.replyTo)).toEqual(['in-1', ...h.adapter.sent.slice(1).map(() => undefined)]);
    expect(h.adapter.sent.map((m) => (m.content.type === 'text' ? m.content.text : '')).join(' ')).toBe(long);
  });

  it('degrades buttons to a numbered menu and remembers it; strict refuses instead', async () => {
    h = harness();
    const strict = await rejection(h.gateway.send({ to, content: menu }, { strict: true }));
    expect(strict.code).toBe('UNSUPPORTED_CONTENT');
    expect(h.adapter.sent).toEqual([]);
    const receipt = await h.gateway.send({ to, content: menu });
    expect(receipt.degraded).toBe(true);
    expect(h.adapter.sent[0]?.content).toMatchObject({ type: 'text', text: expect.stringContaining('1. Tea') });
    expect((await h.store.conversations.get(to))?.pendingChoices?.options).toEqual([
      { number: '1', id: 'tea', title: 'Tea' },
      { number: '2', id: 'coffee', title: 'Coffee' },
    ]);
  });

  it('turns a stray adapter error into a PLATFORM_ERROR, logged once', async () => {
    h = harness();
    h.adapter.failSend = new TypeError('socket hang up');
    const err = await rejection(h.gateway.send({ to, content: { type: 'text', text: 'x' } }));
    expect(err.code).toBe('PLATFORM_ERROR');
    expect(err.channel).toBe('webchat');
    expect(h.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    h.adapter.failSend = new LoketError('RATE_LIMITED', 'slow down', { channel: 'webchat' });
    expect(await rejection(h.gateway.send({ to, content: { type: 'text', text: 'x' } }))).toBe(h.adapter.failSend);
  });
});

describe('handler ctx', () => {
  let h: Harness;
  afterEach(async () => {
    await h.gateway.close();
  });

  it('ctx.reply and ctx.send take a plain string as text', async () => {
    h = harness();
    h.gateway.on('message', async (event, ctx) => {
      await ctx.reply('Thanks!');
      await ctx.send({ to: event.conversation, content: 'More soon.' });
    });
    await h.gateway.start();
    await h.post([{ id: 'm1', kind: 'text', user: 'u7', text: 'hi', ts: 1 }]);
    await eventually(() => expect(h.adapter.sent).toHaveLength(2));
    expect(h.adapter.sent.map((m) => m.content)).toEqual([
      { type: 'text', text: 'Thanks!' },
      { type: 'text', text: 'More soon.' },
    ]);
  });

  it('ctx.reply answers in the event conversation, quoting when asked', async () => {
    h = harness();
    h.gateway.on('message', async (event, ctx) => {
      expect(ctx.conversation).toEqual(event.conversation);
      await ctx.reply({ type: 'text', text: 'Thanks!' }, { replyTo: event.messageId });
    });
    await h.gateway.start();
    await h.post([{ id: 'm1', kind: 'text', user: 'u7', text: 'hi', ts: 1 }]);
    await eventually(() => expect(h.adapter.sent).toHaveLength(1));
    expect(h.adapter.sent[0]).toEqual({
      to: { channel: 'webchat', account: 'acc', user: 'u7' },
      content: { type: 'text', text: 'Thanks!' },
      replyTo: 'm1',
      author: { kind: 'bot' },
    });
  });

  it('a numbered answer to a degraded menu reaches handlers as a choice, once', async () => {
    h = harness();
    const seen: InboundEvent[] = [];
    h.gateway.on('message', (event) => {
      seen.push(event);
    });
    await h.gateway.send({ to, content: menu });
    await h.gateway.start();
    await h.post([{ id: 'a1', kind: 'text', user: 'u1', text: '2', ts: 1 }]);
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({
      type: 'message',
      content: { type: 'choice', id: 'coffee', title: 'Coffee' },
      meta: { numbered: true, text: '2' },
    });
    expect((await h.store.conversations.get(to))?.pendingChoices).toBeUndefined();
    await h.post([{ id: 'a2', kind: 'text', user: 'u1', text: '2', ts: 2 }]);
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toMatchObject({ content: { type: 'text', text: '2' } });
    const log = await h.store.log.read(to);
    const fromCustomer = log.filter((e) => (e.data as { author?: { kind: string } }).author?.kind === 'customer');
    expect(fromCustomer.map((e) => [e.key, e.data])).toMatchObject([
      ['event:a1', { content: { type: 'text', text: '2' } }],
      ['event:a2', { content: { type: 'text', text: '2' } }],
    ]);
  });
});
