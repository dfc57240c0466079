import { afterEach, describe, expect, it } from 'vitest';
import { LoketError } from '../errors.js';
import { type Harness, harness } from '../test-support/test-harness.js';
import { testAdapter } from '../test-support/test-adapter.js';
import { memoryStore } from '../store/memory-store.js';

const to = { channel: 'webchat' as const, account: 'acc', user: 'u1' };
const text = (t: string) => ({ type: 'text' as const, text: t });
let h: Harness | undefined;
afterEach(async () => {
  await h?.gateway.close();
  h = undefined;
});

const refusal = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (LoketError.is(err)) return err;
  }
  throw new LoketError('CONFIG', 'expected a LoketError');
};

describe('the record in the gateway', () => {
  it('does not log twice for an adapter that keeps its own log; still records its reactions', async () => {
    const store = memoryStore();
    const adapter = testAdapter();
    h = harness({ store, channels: [{ ...adapter, capabilities: { ...adapter.capabilities, ownLog: true } }] });
    await h.gateway.start();
    await h.gateway.send({ to, content: text('hi') });
    await h.post([
      { id: 'e1', kind: 'text', user: 'u1', text: 'hello', ts: 1 },
      { id: 'e2', kind: 'reaction', user: 'u1', messageId: 'out-1', emoji: '👍', ts: 2 },
    ]);
    await expect.poll(async () => (await store.log.read(to)).map((e) => e.kind)).toEqual(['reaction']);
  });

  it('keeps an echo of a message sent elsewhere as an agent message, and skips echoes of its own sends', async () => {
    h = harness();
    await h.gateway.start();
    const own = await h.gateway.send({ to, content: text('ours') });
    await h.post([
      { id: 'x1', kind: 'echo', user: 'u1', messageId: own.messageId, text: 'ours', ts: 5 },
      { id: 'x2', kind: 'echo', user: 'u1', messageId: 'inbox-1', text: 'from the Page inbox', ts: 6 },
    ]);
    await expect
      .poll(async () => (await h!.gateway.history(to)).map((e) => e.data))
      .toMatchObject([
        { messageId: own.messageId, author: { kind: 'agent' } },
        { messageId: 'inbox-1', author: { kind: 'agent' }, echo: true },
      ]);
  });

  it('takes the author on the message too; the option wins; an unknown kind is refused either way', async () => {
    h = harness();
    await h.gateway.send({ to, content: text('a'), author: { kind: 'agent', id: 'sam' } });
    await h.gateway.send({ to, content: text('b'), author: { kind: 'agent' } }, { author: { kind: 'bot' } });
    const authors = (await h.gateway.history(to)).map((e) => (e.data as { author: unknown }).author);
    expect(authors).toEqual([{ kind: 'agent', id: 'sam' }, { kind: 'bot' }]);
    const bad = { to, content: text('c'), author: { kind: 'customer' } } as never;
    expect((await refusal(h.gateway.send(bad))).code).toBe('BAD_REQUEST');
    expect(h.adapter.sent).toHaveLength(2);
  });

  it('records platform consent events as consent entries', async () => {
    h = harness();
    await h.gateway.start();
    await h.post([{ id: 'c1', kind: 'consent', user: 'u1', consent: 'revoked', ts: 9 }]);
    await expect
      .poll(async () => (await h!.gateway.history(to)).map((e) => [e.kind, e.at, e.data]))
      .toEqual([['consent', 9, { status: 'revoked', topic: '*', source: 'platform' }]]);
  });

  it('refuses bad input at the call', async () => {
    h = harness();
    const bad = { author: { kind: 'system' } } as never;
    expect((await refusal(h.gateway.enqueueSend({ to, content: text('x') }, bad))).code).toBe('BAD_REQUEST');
    expect((await refusal(h.gateway.handoff(to, { to: 'robot' } as never))).code).toBe('BAD_REQUEST');
    expect((await refusal(() => h!.gateway.on('message', () => {}, { when: 'nobody' } as never))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await refusal(() => h!.gateway.on('sla', () => {}))).code).toBe('CONFIG');
    expect((await refusal(h.gateway.contacts.link('', to))).code).toBe('BAD_REQUEST');
    expect((await refusal(h.gateway.sla.check())).code).toBe('CONFIG');
    expect(h.adapter.sent).toEqual([]);
  });
});
