import { describe, expect, it } from 'vitest';
import { nodeClient, shownTexts } from '../../test-support/client-harness.js';
import { startTcpProxy } from '../../test-support/tcp-proxy.js';
import { useFakeServer } from '../../test-support/use-fake-server.js';
import { waitFor } from '../../test-support/wait-for.js';

const fake = useFakeServer();
const conversationOf = fake.conversationOf.bind(fake);

describe('bad links', () => {
  it('replaces a half-open link when the heartbeat stops, and replays the gap exactly once', async () => {
    const proxy = await startTcpProxy(fake.server.url);
    try {
      const client = nodeClient(proxy.url, { timings: { pingMs: 100, heartbeatTimeoutMs: 400 } });
      const seen: number[] = [];
      client.on('event', (e) => seen.push(e.seq));
      await client.start();
      await waitFor('online', () => client.connectionState.state === 'online');
      const c = conversationOf(client);
      const before = proxy.connections;
      proxy.blackhole();
      c.message('agent', { type: 'text', text: 'sent into the void' });
      await waitFor('the gap replayed', () => shownTexts(client).includes('sent into the void'));
      expect(proxy.connections).toBeGreaterThan(before);
      expect(seen).toEqual([1]);
      expect(shownTexts(client)).toEqual(['sent into the void']);
    } finally {
      await proxy.close();
    }
  });

  it('falls back to SSE when WebSockets are blocked, and works both ways', async () => {
    fake.server.blockWebSocket(true);
    const client = nodeClient(fake.server.url);
    await client.start();
    await waitFor(
      'online over SSE',
      () => client.connectionState.transport === 'sse' && client.connectionState.state === 'online',
    );
    client.send('over SSE');
    const c = conversationOf(client);
    await waitFor('stored', () => c.texts().length === 1);
    c.message('agent', { type: 'text', text: 'reply over SSE' });
    await waitFor('reply', () => shownTexts(client).includes('reply over SSE'));
    expect(fake.server.streams().sse).toBe(1);
    fake.server.dropStreams();
    c.message('agent', { type: 'text', text: 'after the drop' });
    await waitFor('resumed over SSE', () => shownTexts(client).includes('after the drop'));
    expect(shownTexts(client)).toEqual(['over SSE', 'reply over SSE', 'after the drop']);
  });
});

describe('auth and limits', () => {
  it('asks getToken once on a 401, then signs out without looping', async () => {
    let calls = 0;
    const client = nodeClient(fake.server.url, {
      getToken: () => {
        calls++;
        return 'jwt.expired.ada';
      },
    });
    const auth: string[] = [];
    client.on('auth', (a) => auth.push(a));
    await client.start();
    expect(auth).toEqual(['signed-out']);
    expect(calls).toBe(1);
    expect(fake.server.requests.filter((r) => r.path === 'session')).toHaveLength(1);
    expect(client.connectionState.state).toBe('offline');
  });

  it('refreshes through getToken when the credential is revoked, and the send goes through', async () => {
    let calls = 0;
    const client = nodeClient(fake.server.url, {
      getToken: () => {
        calls++;
        return 'jwt.ada';
      },
    });
    await client.start();
    fake.server.credentials.delete(client.conversation!.credential);
    client.send('after the refresh');
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    expect(calls).toBe(2);
    expect(fake.server.conversations.get('verified:ada')!.texts()).toEqual(['after the refresh']);
  });

  it('waits for Retry-After on a 429 and then sends once', async () => {
    const client = nodeClient(fake.server.url);
    await client.start();
    fake.server.failNext('messages', 429, { error: 'rate_limited' }, 1, { 'retry-after': '1' });
    client.send('patient');
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    expect(fake.server.requests.filter((r) => r.path === 'messages').map((r) => r.status)).toEqual([429, 201]);
    expect(conversationOf(client).texts()).toEqual(['patient']);
  });

  it('marks a refused send failed, keeps it in the outbox, and sends it on retry', async () => {
    const storage = new (await import('../../test-support/client-harness.js')).MapStorage();
    const client = nodeClient(fake.server.url, { storage });
    await client.start();
    fake.server.failNext('messages', 400, { error: 'bad_request' });
    const m = client.send('try me');
    await waitFor('failed', () => client.messages()[0]?.state === 'failed');
    expect([...storage.map.keys()].some((k) => k.endsWith('outbox'))).toBe(true);
    client.retry(m.key);
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    expect(conversationOf(client).texts()).toEqual(['try me']);
    expect([...storage.map.keys()].some((k) => k.endsWith('outbox'))).toBe(false);
  });
});

describe('a server that never answers pings', () => {
  const quiet = useFakeServer({ answerPings: false });

  it('stops replacing a healthy link after the first silent timeout, and stays live', async () => {
    const client = nodeClient(quiet.server.url, {
      timings: { pingMs: 50, heartbeatTimeoutMs: 200, sseHeartbeatTimeoutMs: 60_000 },
    });
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    const states: string[] = [];
    client.on('connection', ({ state }) => states.push(state));
    await waitFor('one replacement', () => states.filter((s) => s === 'online').length === 1);
    const c = quiet.conversationOf(client);
    for (let i = 1; i <= 3; i++) {
      c.message('agent', { type: 'text', text: `live ${i}` });
      await waitFor(`live ${i}`, () => shownTexts(client).includes(`live ${i}`));
    }
    expect(states).toEqual(['reconnecting', 'online']);
  });
});
