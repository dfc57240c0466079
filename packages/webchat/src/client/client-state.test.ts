import { describe, expect, it } from 'vitest';
import { MapStorage, nodeClient, shownTexts } from '../../test-support/client-harness.js';
import { useFakeServer } from '../../test-support/use-fake-server.js';
import { waitFor } from '../../test-support/wait-for.js';

const fake = useFakeServer();
const conversationOf = fake.conversationOf.bind(fake);

describe('persistence', () => {
  it('writes nothing to storage before the customer interacts', async () => {
    const storage = new MapStorage();
    const client = nodeClient(fake.server.url, { storage });
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    expect(storage.map.size).toBe(0);
    client.send('hello');
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    expect([...storage.map.keys()].map((k) => k.split(':').pop())).toEqual(['credential']);
  });

  it('sends a message typed while offline exactly once, after a reload, from the persisted outbox', async () => {
    const storage = new MapStorage();
    const offline: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/messages')) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const first = nodeClient(fake.server.url, { storage, fetch: offline });
    await first.start();
    first.send('typed offline');
    await waitFor('tried', () => first.messages()[0]?.state === 'sending');
    first.stop();
    const second = nodeClient(fake.server.url, { storage });
    expect(shownTexts(second)).toEqual(['typed offline']);
    await second.start();
    await waitFor('sent', () => second.messages()[0]?.state === 'sent');
    expect(conversationOf(second).texts()).toEqual(['typed offline']);
    expect(shownTexts(second)).toEqual(['typed offline']);
  });

  it('works without persistence when storage throws, and says so in the debug log', async () => {
    const broken = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const lines: string[] = [];
    const client = nodeClient(fake.server.url, { storage: broken, debug: (l) => lines.push(l) });
    await client.start();
    client.send('no storage');
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    expect(lines.some((l) => l.includes('storage is unavailable'))).toBe(true);
  });

  it('reset() forgets the credential and the transcript', async () => {
    const storage = new MapStorage();
    const client = nodeClient(fake.server.url, { storage });
    await client.start();
    client.send('before logout');
    await waitFor('sent', () => client.messages()[0]?.state === 'sent');
    client.reset();
    expect(storage.map.size).toBe(0);
    expect(client.messages()).toEqual([]);
  });
});

describe('history, receipts and typing', () => {
  it('pages history backwards without gaps or duplicates', async () => {
    const first = nodeClient(fake.server.url);
    await first.start();
    const c = conversationOf(first);
    for (let i = 1; i <= 120; i++) c.message('agent', { type: 'text', text: `m${i}` });
    const credential = first.conversation!.credential;
    first.stop();
    const storage = new MapStorage();
    storage.setItem(`loket.webchat:${fake.server.url}:credential`, credential);
    const client = nodeClient(fake.server.url, { storage, pageSize: 50 });
    await client.start();
    expect(shownTexts(client)).toHaveLength(50);
    expect(await client.loadOlder()).toBe(true);
    expect(await client.loadOlder()).toBe(false);
    expect(shownTexts(client)).toEqual(Array.from({ length: 120 }, (_, i) => `m${i + 1}`));
  });

  it('posts delivered at once and read only while the chat is open; shows the agent reading', async () => {
    const client = nodeClient(fake.server.url);
    await client.start();
    await waitFor('online', () => client.connectionState.state === 'online');
    const c = conversationOf(client);
    const mine = client.send('question');
    await waitFor('stored', () => c.texts().length === 1);
    c.message('agent', { type: 'text', text: 'answer' });
    await waitFor('delivered posted', () => c.events.some((e) => e.kind === 'receipt' && e.data.deliveredSeq === 2));
    expect(c.events.filter((e) => e.kind === 'receipt').map((e) => e.data.readSeq)).toEqual([0]);
    client.setOpen(true);
    await waitFor('read posted', () => c.events.some((e) => e.kind === 'receipt' && e.data.readSeq === 2));
    c.append('receipt', { author: { kind: 'agent' }, readSeq: 1 });
    await waitFor('read by the agent', () => client.messages().find((m) => m.key === mine.key)?.state === 'read');
  });

  it('throttles typing notices', async () => {
    const client = nodeClient(fake.server.url);
    await client.start();
    for (let i = 0; i < 5; i++) client.typing();
    await waitFor('one typing post', () => fake.server.requests.some((r) => r.path === 'typing'));
    expect(fake.server.requests.filter((r) => r.path === 'typing')).toHaveLength(1);
  });
});
