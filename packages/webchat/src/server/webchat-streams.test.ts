import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebchat, TEST_ORIGIN, type TestGateway } from './test-gateway.js';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withMessages(gw: TestGateway, count: number) {
  const client = gw.client();
  const session = (await client.session()).body;
  for (let i = 1; i <= count; i++) await client.send(`m${i}`);
  return { client, session };
}

describe('web chat streams', () => {
  it('WebSocket without resume: ready {head}, then live events only', async () => {
    t = await startWebchat();
    const { client, session } = await withMessages(t, 2);
    const stream = await client.stream();
    expect(await stream.frames.next()).toEqual({ t: 'ready', head: 2 });
    await t.gateway.send({ to: session.conversation, content: { type: 'text', text: 'live' } });
    const live = await stream.frames.next();
    expect(live).toMatchObject({ t: 'event', e: { seq: 3, kind: 'message' } });
    expect(stream.frames.seqs()).toEqual([3]);
    await stream.close();
  });

  it('WebSocket resume {after}: replays what was missed, then ready', async () => {
    t = await startWebchat();
    const { client } = await withMessages(t, 4);
    const stream = await client.stream({ after: 1 });
    const ready = await stream.frames.next((f) => f.t === 'ready');
    expect(ready.head).toBe(4);
    expect(stream.frames.seqs()).toEqual([2, 3, 4]);
    expect(stream.frames.frames[0]).toMatchObject({
      t: 'event',
      e: { seq: 2, kind: 'message', data: { content: { text: 'm2' } } },
    });
    await stream.close();
  });

  it('reset when the client asks for a seq it cannot have, and when it is further behind than the replay cap', async () => {
    t = await startWebchat({ webchat: { limits: { replayMax: 2 } } });
    const { client } = await withMessages(t, 4);
    const ahead = await client.stream({ after: 99 });
    expect(await ahead.frames.next()).toEqual({ t: 'reset', head: 4 });
    await ahead.close();
    const behind = await client.stream({ after: 0 });
    expect(await behind.frames.next()).toEqual({ t: 'reset', head: 4 });
    expect(behind.frames.seqs()).toEqual([]);
    await behind.close();
  });

  it('SSE resumes from Last-Event-ID; lines are id: <seq> for events and data: <frame JSON>', async () => {
    t = await startWebchat();
    const { client } = await withMessages(t, 3);
    const answer = await fetch(`${t.url}/webchat/v1/stream`, {
      headers: { authorization: `Bearer ${client.credential}`, 'last-event-id': '1', origin: TEST_ORIGIN },
    });
    expect(answer.headers.get('content-type')).toContain('text/event-stream');
    expect(answer.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
    const reader = answer.body?.getReader();
    let text = '';
    while (!text.includes('"t":"ready"')) text += new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    const blocks = text.split('\n\n').filter((b) => b.includes('data:'));
    expect(blocks[0]?.split('\n')[0]).toBe('id: 2');
    expect(JSON.parse(blocks[0]?.split('\n')[1]?.replace(/^data: /, '') ?? '')).toMatchObject({
      t: 'event',
      e: { seq: 2 },
    });
    expect(blocks[1]?.startsWith('id: 3\n')).toBe(true);
    expect(blocks[2]).toBe('data: {"t":"ready","head":3}');
  });

  it('SSE with a one-minute stream ticket instead of a header (plain EventSource); a bad ticket is 401', async () => {
    t = await startWebchat();
    const { client } = await withMessages(t, 1);
    const { ticket } = (await client.ticket()).body;
    const stream = await client.stream({ transport: 'sse', ticket, after: 0 });
    expect(await stream.frames.next()).toMatchObject({ t: 'event', e: { seq: 1 } });
    await stream.close();
    await expect(client.stream({ transport: 'sse', ticket: 'wct_nope' })).rejects.toMatchObject({ status: 401 });
  });

  it('fans out to every open tab; typing is an ephemeral frame, never in the log', async () => {
    t = await startWebchat();
    const { client, session } = await withMessages(t, 0);
    const tabs = [await client.stream(), await client.stream({ transport: 'sse' })];
    for (const tab of tabs) await tab.frames.next((f) => f.t === 'ready');
    await t.gateway.send({ to: session.conversation, content: { type: 'typing' } });
    await t.gateway.send({ to: session.conversation, content: { type: 'text', text: 'hi' } });
    for (const tab of tabs) {
      expect(await tab.frames.next()).toEqual({ t: 'typing', on: true });
      expect(await tab.frames.next()).toMatchObject({ t: 'event', e: { seq: 1 } });
      await tab.close();
    }
    expect((await client.events()).body.head).toBe(1);
  });

  it('repairs a gap from the log when fan-out lost an event', async () => {
    t = await startWebchat();
    const { client, session } = await withMessages(t, 0);
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    // Written to the log without fan-out, as if pub/sub dropped it.
    await t.store.log.append(session.conversation, { at: Date.now(), kind: 'conversation', data: { lost: true } });
    await t.gateway.send({ to: session.conversation, content: { type: 'text', text: 'after the gap' } });
    await stream.frames.next((f) => f.e?.seq === 2);
    expect(stream.frames.seqs()).toEqual([1, 2]);
    await stream.close();
  });

  it('answers ping with a heartbeat; a frame over frameBytes closes the socket with 1009', async () => {
    t = await startWebchat({ webchat: { limits: { frameBytes: 256 } } });
    const { client } = await withMessages(t, 0);
    const stream = await client.stream();
    await stream.frames.next((f) => f.t === 'ready');
    stream.send({ t: 'ping' });
    expect(await stream.frames.next()).toEqual({ t: 'hb' });
    stream.send({ t: 'ping', pad: 'x'.repeat(1000) });
    expect(await stream.closed).toBe(1009);
  });

  it('sends named heartbeats on an idle stream', async () => {
    t = await startWebchat({ webchat: { heartbeatMs: 50 } });
    const { client } = await withMessages(t, 0);
    const stream = await client.stream({ transport: 'sse' });
    await stream.frames.next((f) => f.t === 'hb');
    await stream.close();
  });

  it('cuts off a slow SSE consumer instead of buffering without end', async () => {
    t = await startWebchat({ webchat: { limits: { bufferedBytes: 512 } } });
    const { client, session } = await withMessages(t, 0);
    const answer = await fetch(`${t.url}/webchat/v1/stream`, {
      headers: { authorization: `Bearer ${client.credential}` },
    });
    // The client reads nothing while the agent writes a lot.
    for (let i = 0; i < 200; i++) {
      await t.gateway.send({ to: session.conversation, content: { type: 'text', text: `${i} ${'y'.repeat(500)}` } });
    }
    const reader = answer.body?.getReader();
    let received = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      received += chunk.value.byteLength;
    }
    // The stream ended (the client resumes from its last id) well before all 200 messages went out.
    expect(received).toBeLessThan(200 * 500);
  });

  it('refuses the upgrade without the subprotocol or with a bad credential; the credential never rides in the URL', async () => {
    t = await startWebchat();
    const wsUrl = `${t.url.replace('http', 'ws')}/webchat/v1/ws`;
    const status = (protocols: string[]) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl, protocols);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
      });
    expect(await status(['wc1_bogus'])).toBe(400);
    expect(await status(['loket.webchat.v1', `wc1_${'B'.repeat(43)}`])).toBe(401);
    const client = t.client();
    await client.session();
    expect(await status(['loket.webchat.v1', client.credential ?? ''])).toBe(101);
  });
});
