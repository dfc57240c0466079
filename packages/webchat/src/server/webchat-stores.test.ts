import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signWebchatToken } from '../index.js';
import { startWebchat, TEST_SECRET, type TestGateway, until } from './test-gateway.js';
import { storeCases } from './test-stores.js';

const cases = await storeCases();
afterAll(async () => {
  for (const c of cases) await c.cleanup();
});

describe.each(cases)('web chat on the $name store', (storeCase) => {
  const running: TestGateway[] = [];
  afterEach(async () => {
    for (const gw of running.splice(0)) {
      await gw.close();
      await gw.store.close();
    }
  });
  const start = async (options: Parameters<typeof startWebchat>[0] = {}) => {
    const gw = await startWebchat({ store: storeCase.open(), ...options });
    running.push(gw);
    return gw;
  };

  it('message in (idempotent), bot reply out over the WebSocket, resume after a disconnect, receipts as statuses', async () => {
    const t = await start();
    const statuses: string[] = [];
    const seen: string[] = [];
    t.gateway.on('message', async (event, ctx) => {
      seen.push(event.messageId);
      await ctx.reply({ type: 'text', text: `re: ${(event.content as { text: string }).text}` });
    });
    t.gateway.on('status', (event) => {
      statuses.push(event.status);
    });
    const client = t.client();
    await client.session();
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    const first = await client.send('one', { clientMessageId: 'a' });
    expect((await client.send('one', { clientMessageId: 'a' })).body).toEqual(first.body);
    const reply = await stream.frames.next(
      (f) => f.e?.data.author !== undefined && (f.e.data.author as { kind: string }).kind === 'bot',
    );
    expect(reply.e?.seq).toBe(2);
    await stream.close();
    // While away, two more replies land; the resumed stream replays them, in order, then says ready.
    await client.send('two');
    await until(() => seen.length === 2);
    const resumed = await client.stream({ after: 2 });
    await resumed.frames.next((f) => f.t === 'ready' && (f.head ?? 0) >= 4);
    expect(resumed.frames.seqs()).toEqual([3, 4]);
    await resumed.close();
    expect(seen).toHaveLength(2);
    await client.receipts({ readSeq: 4 });
    await until(() => statuses.length === 4);
    expect(statuses.sort()).toEqual(['delivered', 'delivered', 'read', 'read']);
  });

  it('a verified customer on two devices; login merges the anonymous history', async () => {
    const t = await start();
    const visitor = t.client();
    const anon = (await visitor.session()).body;
    await visitor.send('before login');
    const token = await signWebchatToken({ sub: 'cust-9' }, { secret: TEST_SECRET });
    const phone = t.client({ credential: anon.credential, token });
    const a = (await phone.session()).body;
    const laptop = t.client({ token: await signWebchatToken({ sub: 'cust-9' }, { secret: TEST_SECRET }) });
    const b = (await laptop.session()).body;
    expect(b.conversation).toEqual(a.conversation);
    const { events } = (await laptop.events()).body;
    expect(events.map((e) => e.kind)).toEqual(['message', 'conversation']);
    expect((await visitor.send('stale')).status).toBe(401);
  });

  it('rate limits per credential through the store', async () => {
    const t = await start({ webchat: { limits: { messagesPerMinute: 1 } } });
    const client = t.client();
    await client.session();
    expect((await client.send('1')).status).toBe(201);
    expect((await client.send('2')).status).toBe(429);
  });

  it.runIf(storeCase.reopen !== undefined)(
    'another gateway on the same data: history, credentials and retries survive',
    async () => {
      const a = await start();
      const client = a.client();
      await client.session();
      const sent = await client.send('kept', { clientMessageId: 'k' });
      const b = await startWebchat({ store: storeCase.reopen?.(a.store) });
      running.push(b);
      const same = b.client({ credential: client.credential });
      expect((await same.events()).body.events.map((e) => e.seq)).toEqual([1]);
      expect((await same.send('kept', { clientMessageId: 'k' })).body).toEqual(sent.body);
    },
  );

  it.runIf(storeCase.name === 'redis')('a reply sent by process A reaches the socket held by process B', async () => {
    const a = await start();
    const b = await startWebchat({ store: storeCase.reopen?.(a.store) });
    running.push(b);
    const client = b.client();
    const { conversation } = (await client.session()).body;
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    await a.gateway.send({ to: conversation, content: { type: 'text', text: 'from A' } });
    const frame = await stream.frames.next((f) => f.t === 'event');
    expect(frame.e?.data).toMatchObject({ author: { kind: 'agent' }, content: { text: 'from A' } });
    await stream.close();
  });
});
