import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, harness } from '../test-support/test-harness.js';
import { memoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';

describe('inbox worker with others and with failures', () => {
  const open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((h) => h.gateway.close()));
  });
  const make = (...args: Parameters<typeof harness>) => {
    const h = harness(...args);
    open.push(h);
    return h;
  };

  it('two gateways on one store handle each event once, one at a time per conversation', async () => {
    const store = memoryStore();
    // Small concurrency, so that both gateways hold items of the same conversations at the same time.
    const gateways = [make({ store, worker: { concurrency: 2 } }), make({ store, worker: { concurrency: 2 } })];
    const handled: string[] = [];
    const active = new Map<string, number>();
    let overlap = false;
    for (const h of gateways) {
      h.gateway.on('message', async (event) => {
        const user = event.conversation.user;
        active.set(user, (active.get(user) ?? 0) + 1);
        if ((active.get(user) ?? 0) > 1) overlap = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        handled.push(event.id);
        active.set(user, (active.get(user) ?? 0) - 1);
      });
    }
    const ids: string[] = [];
    for (let round = 0; round < 6; round++) {
      const events = ['u1', 'u2'].map((user) => ({
        id: `${user}-${round}`,
        kind: 'text' as const,
        user,
        text: 'x',
        ts: round,
      }));
      ids.push(...events.map((e) => e.id));
      await gateways[round % 2]?.post(events);
      // A redelivery of the same request, to the other gateway.
      await gateways[(round + 1) % 2]?.post(events);
    }
    await Promise.all(gateways.map((h) => h.gateway.start()));
    await eventually(() => expect(handled).toHaveLength(ids.length));
    await eventually(async () => expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect([...handled].sort()).toEqual([...ids].sort());
    expect(overlap).toBe(false);
  });

  it('keeps one conversation in order within a process even when the store lock lets everyone in', async () => {
    const inner = memoryStore();
    const store: Store = { ...inner, locks: { ...inner.locks, acquire: async () => 'anyone' } };
    const h = make({ store });
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const order: string[] = [];
    h.gateway.on('message', async (event) => {
      order.push(`start:${event.id}`);
      if (event.id === 'a1') await slow;
      order.push(`end:${event.id}`);
    });
    await h.gateway.start();
    await h.post([{ id: 'a1', kind: 'text', user: 'alice', text: 'x', ts: 1 }]);
    await eventually(() => expect(order).toEqual(['start:a1']));
    await h.post([{ id: 'a2', kind: 'text', user: 'alice', text: 'x', ts: 2 }]);
    await h.post([{ id: 'a3', kind: 'text', user: 'alice', text: 'x', ts: 3 }]);
    try {
      await eventually(async () => expect((await store.inbox.stats()).leased).toBe(3));
    } finally {
      releaseSlow();
    }
    await eventually(() => expect(order).toHaveLength(6));
    expect(order).toEqual(['start:a1', 'end:a1', 'start:a2', 'end:a2', 'start:a3', 'end:a3']);
  });

  it('with concurrency 1, one conversation at a time', async () => {
    const h = make({ worker: { concurrency: 1 } });
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const seen: string[] = [];
    h.gateway.on('message', async (event) => {
      seen.push(event.id);
      if (event.id === 'a1') await slow;
    });
    await h.gateway.start();
    // One request, two conversations: only the concurrency limit keeps bob from starting.
    await h.post([
      { id: 'a1', kind: 'text', user: 'alice', text: 'x', ts: 1 },
      { id: 'b1', kind: 'text', user: 'bob', text: 'x', ts: 1 },
    ]);
    try {
      await eventually(() => expect(seen).toEqual(['a1']));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toEqual(['a1']);
    } finally {
      releaseSlow();
    }
    await eventually(() => expect(seen).toEqual(['a1', 'b1']));
  });

  it('renews the lease while a slow handler works, so no one takes the item meanwhile', async () => {
    let clock = 1_000;
    const now = () => clock;
    const inner = memoryStore({ now });
    let handedOut = 0;
    const store: Store = {
      ...inner,
      inbox: {
        ...inner.inbox,
        lease: async (options) => {
          const items = await inner.inbox.lease(options);
          handedOut += items.length;
          return items;
        },
      },
    };
    const h = make({ store, now, worker: { leaseMs: 60 } });
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    h.gateway.on('message', async () => {
      calls += 1;
      await slow;
    });
    await h.gateway.start();
    await h.post([{ id: 's1', kind: 'text', user: 'u1', text: 'x', ts: 1 }]);
    await eventually(() => expect(calls).toBe(1));
    try {
      // Ten times the lease in all, a sixth of it per step: the renewals (every 20 ms) must keep up.
      for (let step = 0; step < 60; step++) {
        clock += 10;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(handedOut).toBe(1);
      expect(calls).toBe(1);
    } finally {
      release();
    }
    await eventually(async () => expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
  });

  it('an event claimed by a process that died is not acked unhandled: it is handled once that claim expires', async () => {
    let clock = 1_000;
    const now = () => clock;
    const inner = memoryStore({ now });
    // The dead process's claim: taken, never completed or released.
    expect(await inner.dedupe.claim('loket:event:webchat:d1', 500)).not.toBeNull();
    let refused = 0;
    const store: Store = {
      ...inner,
      dedupe: {
        ...inner.dedupe,
        claim: async (key, ttlMs) => {
          const token = await inner.dedupe.claim(key, ttlMs);
          if (token === null) refused += 1;
          return token;
        },
      },
    };
    const h = make({ store, now, worker: { leaseMs: 500 } });
    const handled: string[] = [];
    h.gateway.on('message', (event) => {
      handled.push(event.id);
    });
    await h.gateway.start();
    await h.post([{ id: 'd1', kind: 'text', user: 'u1', text: 'x', ts: 1 }]);
    await eventually(() => expect(refused).toBe(1));
    await eventually(async () => expect((await store.inbox.stats()).pending).toBe(1));
    expect(handled).toEqual([]);
    clock += 600;
    await eventually(() => expect(handled).toEqual(['d1']));
    await eventually(async () => expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
  });

  it('a completion the store refused is stored on the next try, without handling the event again', async () => {
    const inner = memoryStore();
    let failures = 1;
    const store: Store = {
      ...inner,
      dedupe: {
        ...inner.dedupe,
        complete: async (key, token, ttlMs) => {
          if (failures-- > 0) throw new Error('connection reset');
          return inner.dedupe.complete(key, token, ttlMs);
        },
      },
    };
    // The default lease (and claim) is 30 s: the next try must not wait for its own claim to expire.
    const h = make({ store });
    const handled: string[] = [];
    h.gateway.on('message', (event) => {
      handled.push(event.id);
    });
    await h.gateway.start();
    await h.post([{ id: 'c1', kind: 'text', user: 'u1', text: 'a', ts: 1 }]);
    await eventually(async () => expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect(handled).toEqual(['c1']);
    expect(await inner.dedupe.isDone('loket:event:webchat:c1')).toBe(true);
  });

  it('a store failure retries the whole request later, without repeating handled events', async () => {
    const inner = memoryStore();
    let failOnce = true;
    const store: Store = {
      ...inner,
      log: {
        ...inner.log,
        append: async (ref, entry) => {
          if (failOnce && entry.key === 'event:e2') {
            failOnce = false;
            throw new Error('connection reset');
          }
          return inner.log.append(ref, entry);
        },
      },
    };
    const h = make({ store });
    const handled: string[] = [];
    h.gateway.on('message', (event) => {
      handled.push(event.id);
    });
    await h.gateway.start();
    await h.post([
      { id: 'e1', kind: 'text', user: 'u1', text: 'a', ts: 1 },
      { id: 'e2', kind: 'text', user: 'u1', text: 'b', ts: 2 },
    ]);
    await eventually(() => expect(handled).toEqual(['e1', 'e2']));
    await eventually(async () => expect(await store.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 }));
    expect(h.logger.lines.some((l) => l.level === 'warn' && /store failed/.test(l.msg ?? ''))).toBe(true);
  });
});
