import { LoketError, memoryStore, type Store } from '@loket/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function conversationWithAnswer(gateway: TestGateway) {
  const client = gateway.client();
  const { conversation } = (await client.session()).body;
  const question = (await client.send('where is my parcel?')).body;
  const answer = await gateway.gateway.send({ to: conversation, content: { type: 'text', text: 'on its way' } });
  return { client, conversation, question, answer };
}

describe('message updated', () => {
  it('a business reaction appends the whole message again under its id, with the reaction and the seq it supersedes', async () => {
    t = await startWebchat();
    const { client, conversation, question } = await conversationWithAnswer(t);
    const stream = await client.stream({ after: 2 });
    const receipt = await t.gateway.send({
      to: conversation,
      content: { type: 'reaction', messageId: question.messageId, emoji: '👍' },
    });
    expect(receipt.messageId).toBe('wcu_3');
    const live = await stream.frames.next((f) => f.t === 'event');
    const { events } = (await client.events({ after: 2 })).body;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: 3,
      kind: 'message',
      data: {
        messageId: question.messageId,
        author: { kind: 'customer' },
        content: { type: 'text', text: 'where is my parcel?' },
        reactions: { business: '👍' },
        update: { of: 1, reason: 'reaction' },
      },
    });
    expect(events[0]?.data).not.toHaveProperty('clientMessageId');
    expect(live).toEqual({ t: 'event', e: events[0] });
    await stream.close();
  });

  it('a customer reaction is a message of its own and updates the message it names, once per retried id', async () => {
    t = await startWebchat();
    const { client, answer } = await conversationWithAnswer(t);
    const reaction = { type: 'reaction' as const, messageId: answer.messageId, emoji: '❤️' };
    const first = await client.send(reaction, { clientMessageId: 'react-1' });
    const retry = await client.send(reaction, { clientMessageId: 'react-1' });
    expect(first.status).toBe(201);
    expect(retry).toMatchObject({ status: 200, body: first.body });
    const { events } = (await client.events({ after: 2 })).body;
    expect(events.map((e) => [e.seq, (e.data as { messageId: string }).messageId])).toEqual([
      [3, first.body.messageId],
      [4, answer.messageId],
    ]);
    expect(events[1]?.data).toMatchObject({
      author: { kind: 'agent' },
      content: { type: 'text', text: 'on its way' },
      reactions: { customer: '❤️' },
      update: { of: 2, reason: 'reaction' },
    });
  });

  it('reactions accumulate per side and a null emoji clears one; the newest update is the one that counts', async () => {
    t = await startWebchat();
    const { client, conversation, answer } = await conversationWithAnswer(t);
    await client.send({ type: 'reaction', messageId: answer.messageId, emoji: '🎉' });
    await t.gateway.send({ to: conversation, content: { type: 'reaction', messageId: answer.messageId, emoji: '👋' } });
    await t.gateway.send({ to: conversation, content: { type: 'reaction', messageId: answer.messageId, emoji: null } });
    const updates = (await client.events({ after: 2 })).body.events.filter(
      (e) => (e.data as { messageId: string }).messageId === answer.messageId,
    );
    expect(updates.map((e) => [e.seq, e.data.reactions, e.data.update])).toEqual([
      [4, { customer: '🎉' }, { of: 2, reason: 'reaction' }],
      [5, { customer: '🎉', business: '👋' }, { of: 4, reason: 'reaction' }],
      [6, { customer: '🎉' }, { of: 5, reason: 'reaction' }],
    ]);
  });

  it('a reaction to a message the conversation does not have is refused and appends nothing', async () => {
    t = await startWebchat();
    const { client, conversation } = await conversationWithAnswer(t);
    const sent = t.gateway.send({
      to: conversation,
      content: { type: 'reaction', messageId: 'wcm_nope', emoji: '👍' },
    });
    await expect(sent).rejects.toSatisfy((err) => LoketError.is(err) && err.code === 'BAD_REQUEST');
    const posted = await client.send({ type: 'reaction', messageId: 'wcm_nope', emoji: '👍' });
    expect(posted).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(JSON.stringify(posted.body)).toContain('wcm_nope');
    expect((await client.events()).body.head).toBe(2);
  });

  it('a read watermark over an update reports no second status for the same message', async () => {
    // What the receipts route hands the inbox: the gateway would also drop a repeated status, so look before it.
    const inner = memoryStore();
    const enqueued: { messageId: string; seq: number; status: string }[] = [];
    const store: Store = {
      ...inner,
      inbox: {
        ...inner.inbox,
        enqueue: (entry) => {
          const body = JSON.parse(new TextDecoder().decode(entry.request.body)) as { type?: string; statuses?: [] };
          if (body.type === 'status') enqueued.push(...(body.statuses ?? []));
          return inner.inbox.enqueue(entry);
        },
      },
    };
    t = await startWebchat({ store });
    const statuses: string[] = [];
    t.gateway.on('status', (event) => {
      statuses.push(`${event.messageId}:${event.status}`);
    });
    const { client, conversation, answer, question } = await conversationWithAnswer(t);
    await t.gateway.send({
      to: conversation,
      content: { type: 'reaction', messageId: question.messageId, emoji: '👀' },
    });
    await t.gateway.send({ to: conversation, content: { type: 'reaction', messageId: answer.messageId, emoji: '✅' } });
    await client.receipts({ readSeq: 4 });
    await expect.poll(() => statuses.length).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 100));
    // Read implies delivered; seq 4 (the answer again, with a reaction) adds nothing.
    expect(statuses.sort()).toEqual([`${answer.messageId}:delivered`, `${answer.messageId}:read`]);
    expect(enqueued.map((s) => `${s.messageId}@${s.seq}:${s.status}`).sort()).toEqual([
      `${answer.messageId}@2:delivered`,
      `${answer.messageId}@2:read`,
    ]);
  });
});
