import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './sqlite-store.js';
import { startChild } from './test-support/run-children.js';
import { crashEntry, tempDir } from './test-support/temp-db.js';

// The race child's conversation.
const ref = { channel: 'webchat' as const, account: 'site', user: 'race' };

describe('a crash between the log append and the inbox enqueue', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('loses nothing: after kill -9 the retried append answers the stored entry and the enqueue goes through', async () => {
    const child = startChild([dir.file(), 'append-keyed', '3']);
    await child.next(); // ready
    child.child.stdin.write('go\n');
    const seqs = JSON.parse(await child.next()) as number[];
    // Killed after its appends and before any enqueue: no close(), no checkpoint.
    child.child.kill('SIGKILL');
    await child.exited;
    expect(child.child.signalCode).toBe('SIGKILL');
    expect(seqs).toEqual([1, 2, 3]);

    // The client retries the last message (same clientMessageId) against a restarted gateway.
    const store = sqliteStore({ path: dir.file() });
    const again = await store.log.append(ref, { at: 99, kind: 'message', data: { i: 2 }, key: 'crash-2' });
    expect(again).toEqual({
      created: false,
      entry: { seq: 3, at: 2, kind: 'message', data: { i: 2 }, key: 'crash-2' },
    });
    expect(await store.log.head(ref)).toBe(3);
    const id = await store.inbox.enqueue(crashEntry(2));
    const [item] = await store.inbox.lease({ limit: 5, leaseMs: 60_000 });
    expect(item?.id).toBe(id);
    expect(Array.from(item!.request.body)).toEqual(Array.from(crashEntry(2).request.body));
    // A new message after the crash gets the next seq, with no gap.
    expect((await store.log.append(ref, { at: 100, kind: 'message', data: null, key: 'crash-3' })).entry.seq).toBe(4);
    await store.close();
  });
});
