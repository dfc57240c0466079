import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SqliteStore, sqliteStore } from './sqlite-store.js';
import { runTwoChildren } from './test-support/run-children.js';
import { entry, tempDir } from './test-support/temp-db.js';

const ref = { channel: 'webchat' as const, account: 'site', user: 'race' };

describe('two sqliteStore instances on one file', () => {
  let dir: ReturnType<typeof tempDir>;
  let a: SqliteStore;
  let b: SqliteStore;
  beforeEach(() => {
    dir = tempDir();
    a = sqliteStore({ path: dir.file() });
    b = sqliteStore({ path: dir.file() });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    dir.remove();
  });

  it('give one inbox item to exactly one of them', async () => {
    const id = await a.inbox.enqueue(entry('{"n":1}'));
    const [fromA, fromB] = await Promise.all([
      a.inbox.lease({ limit: 10, leaseMs: 60_000 }),
      b.inbox.lease({ limit: 10, leaseMs: 60_000 }),
    ]);
    expect([...fromA, ...fromB].map((item) => item.id)).toEqual([id]);
    expect(await b.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
  });

  it('let only the lease holder ack, across instances', async () => {
    const id = await a.inbox.enqueue(entry('{"n":2}'));
    const [item] = await a.inbox.lease({ limit: 1, leaseMs: 60_000 });
    await b.inbox.ack(id, 'not-the-token');
    expect(await a.inbox.stats()).toEqual({ pending: 0, leased: 1, dead: 0 });
    await b.inbox.ack(id, item!.token);
    expect(await a.inbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0 });
  });

  it('hand a dedupe claim to exactly one of them', async () => {
    const tokens = await Promise.all([a.dedupe.claim('evt-1', 60_000), b.dedupe.claim('evt-1', 60_000)]);
    expect(tokens.filter((t) => t !== null)).toHaveLength(1);
  });

  it('share one gap-free log', async () => {
    const seqs = await Promise.all(
      [1, 2, 3, 4].map(async (i) => (await (i % 2 ? a : b).log.append(ref, { at: i, kind: 'k', data: i })).entry.seq),
    );
    expect(seqs.sort()).toEqual([1, 2, 3, 4]);
    expect((await b.log.read(ref)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });
});

describe('two processes on one file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('lease every inbox item exactly once between them', async () => {
    const store = sqliteStore({ path: dir.file() });
    const ids: string[] = [];
    for (let i = 0; i < 300; i += 1) ids.push(await store.inbox.enqueue(entry(`{"n":${i}}`)));
    await store.close();

    const [first, second] = await runTwoChildren<string[]>([dir.file(), 'lease']);

    expect([...first, ...second].sort()).toEqual([...ids].sort());
    expect(new Set([...first, ...second]).size).toBe(ids.length);
  });

  it('append to one conversation log without gaps or duplicate seqs', async () => {
    const [first, second] = await runTwoChildren<number[]>([dir.file(), 'append', '300']);

    const all = [...first, ...second].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const store = sqliteStore({ path: dir.file() });
    const log = await store.log.read(ref);
    await store.close();
    expect(log.map((e) => e.seq)).toEqual(all);
    // Each process's own entries keep their order inside the shared log.
    for (const kind of new Set(log.map((e) => e.kind))) {
      expect(log.filter((e) => e.kind === kind).map((e) => e.data)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    }
  });
});
