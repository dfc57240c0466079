import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PostgresStore, postgresStore } from './postgres-store.js';
import { RACE_REF, sql, useTestDatabase } from './test-support/test-db.js';

const db = await useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(db === undefined)('pruning', () => {
  let store: PostgresStore;
  let schema: string;
  beforeEach(async () => {
    schema = db!.schema();
    store = await postgresStore({ connectionString: db!.url }, { schema, retention: { logDays: 1, messageDays: 1 } });
  });
  afterEach(() => store.close());

  it('removes finished and expired rows past retention, keeps queued work and the log head', async () => {
    const now = Date.now();
    await store.log.append(RACE_REF, { at: now - 2 * DAY, kind: 'old', data: 1, key: 'k-old' });
    await store.log.append(RACE_REF, { at: now, kind: 'new', data: 2 });
    const [done, queued] = await store.outbox.enqueue([
      { batch: 'b', payload: '{"n":1}', createdAt: now - 2 * DAY },
      { batch: 'b', payload: '{"n":2}', createdAt: now - 2 * DAY },
    ]);
    const [job] = await store.outbox.lease({ limit: 1, leaseMs: 60_000 });
    expect(job?.id).toBe(done);
    await store.outbox.finish(job!.id, job!.token, { status: 'done', detail: '{}' });
    await store.dedupe.claim('evt-expired', 1);
    await store.kv!.set('kv-expired', 'v', { ttlMs: 1 });
    await store.kv!.set('kv-kept', 'v');
    await store.messages.recordSent('wamid.old', RACE_REF, now - 2 * DAY);
    await sql(db!.url, `UPDATE ${schema}.loket_messages SET touched_at = $1`, [now - 2 * DAY]);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const result = await store.prune();

    expect(result).toMatchObject({ claims: 1, logEntries: 1, outboxJobs: 1, messages: 1 });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await store.log.read(RACE_REF)).map((e) => e.kind)).toEqual(['new']);
    expect(await store.log.byKey(RACE_REF, 'k-old')).toBeUndefined();
    expect(await store.log.head(RACE_REF)).toBe(2);
    expect((await store.log.append(RACE_REF, { at: now, kind: 'next', data: 3 })).entry.seq).toBe(3);
    expect((await store.outbox.batch('b')).map((j) => j.id)).toEqual([queued]);
    expect(await store.messages.conversationOf('wamid.old')).toBeUndefined();
    expect(await store.kv!.get('kv-kept')).toBe('v');
    expect(await store.prune()).toEqual({ claims: 0, locks: 0, messages: 0, logEntries: 0, outboxJobs: 0, expired: 0 });
  });

  it('sweeps on its own timer', async () => {
    const timed = await postgresStore({ connectionString: db!.url }, { schema, retention: { sweepMs: 50 } });
    await timed.dedupe.claim('evt-swept', 1);
    const left = async () => (await sql(db!.url, `SELECT key FROM ${schema}.loket_dedupe`)).length;
    for (let i = 0; i < 100 && (await left()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await timed.close();
    expect(await left()).toBe(0);
  });
});
