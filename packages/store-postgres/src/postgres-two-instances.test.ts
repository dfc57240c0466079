import { setTimeout as sleep } from 'node:timers/promises';
import { STORE_WORK_TOPIC } from '@loket/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PostgresStore, postgresStore } from './postgres-store.js';
import { entry, RACE_REF, sql, useTestDatabase } from './test-support/test-db.js';

const db = await useTestDatabase();

/** Resolves with the first `count` messages `store` receives on `topic`. */
async function collect(store: PostgresStore, topic: string, count: number): Promise<() => Promise<string[]>> {
  const got: string[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  await store.pubsub!.subscribe(topic, (m) => {
    got.push(m);
    if (got.length === count) done();
  });
  return async () => {
    await all;
    return got;
  };
}

describe.skipIf(db === undefined)('two postgresStore instances on one schema (two pools)', () => {
  let a: PostgresStore;
  let b: PostgresStore;
  beforeEach(async () => {
    const schema = db!.schema();
    a = await postgresStore({ connectionString: db!.url }, { schema });
    b = await postgresStore({ connectionString: db!.url }, { schema });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('lease every inbox item to exactly one of them while both lease at once', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => a.inbox.enqueue(entry(i))));
    const takeAll = async (store: PostgresStore) => {
      const got: string[] = [];
      for (;;) {
        const items = await store.inbox.lease({ limit: 7, leaseMs: 60_000 });
        if (items.length === 0) return got;
        for (const item of items) {
          got.push(item.id);
          await store.inbox.ack(item.id, item.token);
        }
      }
    };
    // Two workers per store, four leasing at once.
    const got = await Promise.all([takeAll(a), takeAll(b), takeAll(a), takeAll(b)]);
    expect(got.flat().sort()).toEqual([...ids].sort());
    expect(got[0]!.length + got[2]!.length).toBeGreaterThan(0);
    expect(got[1]!.length + got[3]!.length).toBeGreaterThan(0);
  });

  it('share one gap-free log, and one entry per idempotency key', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).log.append(RACE_REF, { at: i, kind: 'msg', data: { i }, key: `client-${i % 10}` }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(10);
    const log = await a.log.read(RACE_REF);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(new Set(log.map((e) => e.key)).size).toBe(10);
    expect(await b.log.head(RACE_REF)).toBe(10);
    for (const r of results) expect(r.entry).toEqual(log.find((e) => e.key === r.entry.key));
  });

  it('deliver pub/sub messages between them, long ones too', async () => {
    const long = 'x'.repeat(20_000);
    const received = await collect(b, 'chat', 2);
    await a.pubsub!.publish('chat', 'hello');
    await a.pubsub!.publish('chat', long);
    expect(await received()).toEqual(['hello', long]);
  });

  it('announce new inbox and outbox work to the other process on the work topic', async () => {
    const received = await collect(b, STORE_WORK_TOPIC, 2);
    await a.inbox.enqueue(entry(1));
    await sleep(50);
    await a.outbox.enqueue([{ batch: 'b1', payload: '{}', createdAt: 1 }]);
    expect((await received()).sort()).toEqual(['inbox', 'outbox']);
  });

  it('listen again after the LISTEN connection is cut, and keep working on a fresh connection', async () => {
    const received = await collect(b, 'after-cut', 1);
    await sql(
      db!.url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    // Publish until the re-established listener hears one (messages sent while it was away are missed, as documented).
    let got: string[] | undefined;
    void received().then((m) => {
      got = m;
    });
    for (let i = 0; i < 100 && got === undefined; i += 1) {
      await a.pubsub!.publish('after-cut', 'back').catch(() => undefined);
      await sleep(50);
    }
    expect(got).toEqual(['back']);
    const id = await a.inbox.enqueue(entry(2));
    expect((await b.inbox.lease({ limit: 1, leaseMs: 60_000 }))[0]?.id).toBe(id);
  });
});
