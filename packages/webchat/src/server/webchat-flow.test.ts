import type { InboundEvent } from '@loket/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('web chat: a message in, a reply out', () => {
  it('a customer message reaches the handler; the reply reaches the open WebSocket as a bot message', async () => {
    t = await startWebchat();
    const seen: InboundEvent[] = [];
    t.gateway.on('message', async (event, ctx) => {
      seen.push(event);
      await ctx.reply({ type: 'text', text: 'Thanks!' });
    });
    const client = t.client();
    const session = await client.session();
    expect(session.status).toBe(200);
    expect(session.body.conversation).toEqual({ channel: 'webchat', account: 'default', user: session.body.contactId });
    expect(session.body.head).toBe(0);
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    const sent = await client.send('<b>hi</b>');
    expect(sent.status).toBe(201);
    expect(sent.body.seq).toBe(1);
    const reply = await stream.frames.next((f) => f.t === 'event' && f.e?.seq === 2);
    expect(reply.e?.kind).toBe('message');
    expect(reply.e?.data).toMatchObject({ author: { kind: 'bot' }, content: { type: 'text', text: 'Thanks!' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'message',
      messageId: sent.body.messageId,
      content: { type: 'text', text: '<b>hi</b>' },
    });
    await stream.close();
  });
});
