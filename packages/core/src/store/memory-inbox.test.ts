import { beforeEach, describe, expect, it } from 'vitest';
import type { InboxEntry, Store } from './store.js';
import { memoryStore } from './memory-store.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (body = '{"n":1}', receivedAt = 1): InboxEntry => ({
  channel: 'whatsapp',
  request: { method: 'POST', url: 'http://x/webhooks/whatsapp', headers: { 'x-sig': 'abc' }, body: bytes(body) },
  receivedAt,
});

describe('memoryStore inbox', () => {
  let clock: number;
  let store: Store;
  beforeEach(() => {
    clock = 1_000;
    store = memoryStore({ now: () => clock });
  });

  it('is not durable and names itself', () => {
    expect(store.durable).toBe(false);
    expect(store.name).toBe('memory');
  });

  it('leases items in arrival order with their exact bytes, up to the limit', async () => {
    const a = await store.inbox.enqueue(entry('{"a":1}'));
    const b = await store.inbox.enqueue(entry('{"b":2}'));
    await store.inbox.enqueue(entry('{"c":3}'));
    const leased = await store.inbox.lease({ limit: 2, leaseMs: 100 });
    expect(leased.map((i) => i.id)).toEqual([a, b]);
    expect(new TextDecoder().decode(leased[0]?.request.body)).toBe('{"a":1}');
    expect(leased[0]?.request.headers).toEqual({ 'x-sig': 'abc' });
    expect(leased[0]?.attempts).toBe(0);
    expect(await store.inbox.stats()).toEqual({ pending: 1, leased: 2, dead: 0 });
  });

  it('keeps its own copy of the bytes', async () => {
    const body = bytes('{"a":1}');
    await store.inbox.enqueue({ ...entry(), request: { ...entry().request, body } });
    body[0] = 0;
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    expect(new TextDecoder().decode(item?.request.body)).toBe('{"a":1}');
  });

  it('does not hand out a leased item twice while the lease holds', async () => {
    await store.inbox.enqueue(entry());
    expect(await store.inbox.lease({ limit: 5, leaseMs: 100 })).toHaveLength(1);
    clock += 99;
    expect(await store.inbox.lease({ limit: 5, leaseMs: 100 })).toHaveLength(0);
  });

  it('makes an item leasable again when its lease expires, and the old token stops working', async () => {
    const id = await store.inbox.enqueue(entry());
    const [first] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    clock += 100;
    expect(await store.inbox.extend(id, first!.token, 100)).toBe(false);
    const [second] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    expect(second?.id).toBe(id);
    expect(second?.attempts).toBe(1);
    expect(second?.token).not.toBe(first?.token);
    await store.inbox.ack(id, first!.token);
    await store.inbox.retry(id, first!.token, { delayMs: 0, error: 'x' });
    await store.inbox.deadLetter(id, first!.token, { error: 'x', failedEvents: [] });
    expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
    await store.inbox.ack(id, second!.token);
    expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('extends a lease with the right token', async () => {
    const id = await store.inbox.enqueue(entry());
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    clock += 90;
    expect(await store.inbox.extend(id, item!.token, 100)).toBe(true);
    clock += 90;
    expect(await store.inbox.lease({ limit: 1, leaseMs: 100 })).toHaveLength(0);
    expect(await store.inbox.extend(id, 'not-the-token', 100)).toBe(false);
  });

  it('ack removes the item', async () => {
    const id = await store.inbox.enqueue(entry());
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    await store.inbox.ack(id, item!.token);
    clock += 1_000;
    expect(await store.inbox.lease({ limit: 1, leaseMs: 100 })).toHaveLength(0);
    expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('retry respects the delay and raises the attempts', async () => {
    const id = await store.inbox.enqueue(entry());
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    await store.inbox.retry(id, item!.token, { delayMs: 500, error: 'boom' });
    expect(await store.inbox.stats()).toEqual({ pending: 1, leased: 0, dead: 0 });
    clock += 499;
    expect(await store.inbox.lease({ limit: 1, leaseMs: 100 })).toHaveLength(0);
    clock += 1;
    const [again] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    expect(again?.id).toBe(id);
    expect(again?.attempts).toBe(1);
  });

  it('dead letters keep the raw bytes, and replay resets the attempts', async () => {
    const id = await store.inbox.enqueue(entry('not json', 7));
    for (let i = 0; i < 2; i++) {
      const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
      await store.inbox.retry(item!.id, item!.token, { delayMs: 0, error: 'boom' });
    }
    clock = 5_000;
    const [item] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    await store.inbox.deadLetter(id, item!.token, { error: 'parse failed', failedEvents: ['e1'] });
    const [letter] = await store.inbox.deadLetters();
    expect(letter).toMatchObject({ id, attempts: 3, error: 'parse failed', failedAt: 5_000, failedEvents: ['e1'] });
    expect(letter?.receivedAt).toBe(7);
    expect(new TextDecoder().decode(letter?.request.body)).toBe('not json');
    expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 1 });
    expect(await store.inbox.lease({ limit: 1, leaseMs: 100 })).toHaveLength(0);

    expect(await store.inbox.replay(id)).toBe(true);
    expect(await store.inbox.replay(id)).toBe(false);
    expect(await store.inbox.deadLetters()).toEqual([]);
    const [replayed] = await store.inbox.lease({ limit: 1, leaseMs: 100 });
    expect(replayed).toMatchObject({ id, attempts: 0 });
    expect(new TextDecoder().decode(replayed?.request.body)).toBe('not json');
  });

  it('lists dead letters oldest first, with a limit', async () => {
    for (const body of ['1', '2', '3']) await store.inbox.enqueue(entry(body));
    const items = await store.inbox.lease({ limit: 3, leaseMs: 100 });
    for (const item of [...items].reverse()) {
      clock += 1;
      await store.inbox.deadLetter(item.id, item.token, { error: 'x', failedEvents: [] });
    }
    const letters = await store.inbox.deadLetters({ limit: 2 });
    expect(letters.map((l) => new TextDecoder().decode(l.request.body))).toEqual(['3', '2']);
  });

  it('answers false when replaying an unknown id', async () => {
    expect(await store.inbox.replay('nope')).toBe(false);
  });
});
