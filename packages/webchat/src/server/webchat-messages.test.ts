import type { InboundEvent } from '@loket/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebchat, type TestGateway, until } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('POST messages', () => {
  it('stores a clientMessageId once: a retry answers 200 with the same body, handlers see it once', async () => {
    t = await startWebchat();
    const seen: InboundEvent[] = [];
    t.gateway.on('message', (event) => {
      seen.push(event);
    });
    const client = t.client();
    await client.session();
    const first = await client.send('hello', { clientMessageId: 'same' });
    const retry = await client.send('hello', { clientMessageId: 'same' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    await until(() => seen.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => e.type === 'message' && e.messageId)).toEqual([first.body.messageId]);
    expect((await client.events()).body.events).toHaveLength(1);
  });

  it('keeps HTML as text, exactly as sent', async () => {
    t = await startWebchat();
    const client = t.client();
    await client.session();
    const text = '<script>alert(1)</script> & <b>bold</b>';
    await client.send(text);
    const [event] = (await client.events()).body.events;
    expect(event?.data.content).toEqual({ type: 'text', text });
  });

  it('400 with what is wrong for invalid JSON, a missing clientMessageId and content a customer cannot send', async () => {
    t = await startWebchat();
    const client = t.client();
    await client.session();
    const notJson = await client.request('POST', 'messages', '{"clientMessageId":');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: 'bad_request' });
    expect(String(notJson.body.message)).toContain('JSON');
    const missing = await client.request('POST', 'messages', { content: { type: 'text', text: 'x' } });
    expect(missing.status).toBe(400);
    expect(String(missing.body.message)).toContain('clientMessageId');
    const template = await client.send({ type: 'template', name: 'x', language: 'en' });
    expect(template.status).toBe(400);
    expect((await client.events()).body.events).toEqual([]);
  });

  it('413 past messageBytes, nothing stored', async () => {
    t = await startWebchat({ webchat: { limits: { messageBytes: 1024 } } });
    const client = t.client();
    await client.session();
    const answer = await client.send('x'.repeat(2000));
    expect(answer).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect((await client.events()).body.head).toBe(0);
  });

  it('429 with Retry-After past messagesPerMinute per credential; another credential still sends', async () => {
    t = await startWebchat({ webchat: { limits: { messagesPerMinute: 2 } } });
    const client = t.client();
    await client.session();
    expect((await client.send('1')).status).toBe(201);
    expect((await client.send('2')).status).toBe(201);
    const third = await client.send('3');
    expect(third).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = t.client();
    await other.session();
    expect((await other.send('1')).status).toBe(201);
  });

  it('404 for an unknown route, 405 for a wrong method, both JSON', async () => {
    t = await startWebchat();
    const client = t.client();
    expect(await client.request('GET', 'nope')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await client.request('GET', 'messages')).toMatchObject({
      status: 405,
      body: { error: 'method_not_allowed' },
    });
  });

  it('a store failure between the log and the inbox loses nothing: 503, and the retry delivers it once', async () => {
    t = await startWebchat();
    const seen: string[] = [];
    t.gateway.on('message', (event) => {
      seen.push(event.messageId);
    });
    const inbox = t.store.inbox;
    const enqueue = inbox.enqueue.bind(inbox);
    let failNext = true;
    inbox.enqueue = async (entry) => {
      if (failNext) {
        failNext = false;
        throw new Error('store connection lost');
      }
      return enqueue(entry);
    };
    const client = t.client();
    await client.session();
    const failed = await client.send('important', { clientMessageId: 'k1' });
    expect(failed.status).toBe(503);
    // The log has it already; the client's retry (same id) is what feeds the inbox now.
    expect((await client.events()).body.events).toHaveLength(1);
    const retry = await client.send('important', { clientMessageId: 'k1' });
    expect(retry.status).toBe(200);
    await until(() => seen.length > 0);
    expect(seen).toEqual([retry.body.messageId]);
  });
});
