import { describe, expect, it } from 'vitest';
import { nodeClient, shownTexts } from '../../test-support/client-harness.js';
import { useFakeServer } from '../../test-support/use-fake-server.js';
import { waitFor } from '../../test-support/wait-for.js';

const fake = useFakeServer();
const conversationOf = fake.conversationOf.bind(fake);

describe('session, send and the live stream', () => {
  it('sends a message once and shows the agent reply that arrives over the WebSocket', async () => {
    const client = nodeClient(fake.server.url);
    const states: string[] = [];
    client.on('status', (s) => states.push(s.state));
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    client.send('Where is my parcel?');
    const c = conversationOf(client);
    await waitFor('stored', () => c.texts().length === 1);
    c.message('agent', { type: 'text', text: 'On its way!' });
    await waitFor('reply shown', () => shownTexts(client).includes('On its way!'));
    expect(shownTexts(client)).toEqual(['Where is my parcel?', 'On its way!']);
    expect(states).toEqual(['sending', 'sent']);
    expect(client.connectionState.transport).toBe('ws');
  });

  it('stores exactly one message when the acknowledgement of the send is lost', async () => {
    let dropped = false;
    const lossyFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!dropped && String(input).endsWith('/messages')) {
        dropped = true;
        await res.text();
        throw new TypeError('connection reset after the server stored it');
      }
      return res;
    };
    const client = nodeClient(fake.server.url, { fetch: lossyFetch });
    await client.start();
    client.send('only once');
    const c = conversationOf(client);
    await waitFor('acknowledged', () => client.messages()[0]?.state === 'sent' && client.pending === 0);
    expect(c.texts()).toEqual(['only once']);
    // The retry (200, the canonical answer) may be skipped when the log showed the message first.
    const statuses = fake.server.requests.filter((r) => r.path === 'messages').map((r) => r.status);
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
    expect(shownTexts(client)).toEqual(['only once']);
  });

  it('misses nothing and shows nothing twice when the server drops every stream', async () => {
    const client = nodeClient(fake.server.url);
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    const c = conversationOf(client);
    c.message('agent', { type: 'text', text: 'one' });
    await waitFor('one', () => shownTexts(client).length === 1);
    fake.server.dropStreams();
    c.message('agent', { type: 'text', text: 'two' });
    c.message('agent', { type: 'text', text: 'three' });
    await waitFor('caught up', () => shownTexts(client).length === 3);
    await waitFor('online again', () => client.connectionState.state === 'online');
    c.message('agent', { type: 'text', text: 'four' });
    await waitFor('live again', () => shownTexts(client).length === 4);
    expect(shownTexts(client)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('asks for a gap it sees in the stream and applies every event once, in order', async () => {
    const client = nodeClient(fake.server.url);
    const seen: number[] = [];
    client.on('event', (e) => seen.push(e.seq));
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    const c = conversationOf(client);
    // Two events reach the log without being published (a lost pub/sub message), then a third is published.
    const subscribers = [...c.subscribers];
    c.subscribers.clear();
    c.message('agent', { type: 'text', text: 'lost 1' });
    c.message('agent', { type: 'text', text: 'lost 2' });
    for (const s of subscribers) c.subscribers.add(s);
    c.message('agent', { type: 'text', text: 'published' });
    await waitFor('gap filled', () => shownTexts(client).length === 3);
    expect(shownTexts(client)).toEqual(['lost 1', 'lost 2', 'published']);
    expect(seen).toEqual([1, 2, 3]);
    expect(fake.server.requests.some((r) => r.path === 'events' && r.status === 200)).toBe(true);
  });

  it('ignores a frame it does not understand, and keeps going', async () => {
    const client = nodeClient(fake.server.url);
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    const c = conversationOf(client);
    c.broadcast({ t: 'from-the-future' });
    c.message('agent', { type: 'text', text: 'still here' });
    await waitFor('message after junk', () => shownTexts(client).includes('still here'));
    expect(client.connectionState.state).toBe('online');
  });
});
