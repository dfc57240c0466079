import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore } from './sqlite-store.js';
import { startChild } from './test-support/run-children.js';
import { crashEntry, entry, tempDir } from './test-support/temp-db.js';

const ref = { channel: 'whatsapp' as const, account: '1234', user: '4915550001' };

describe('sqliteStore survives a reopen of its file', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('keeps queued, leased and dead items, claims, conversations, messages and the log', async () => {
    const first = sqliteStore({ path: dir.file() });
    const queued = await first.inbox.enqueue(entry('{"queued":"\u00e9"}'));
    const dying = await first.inbox.enqueue(entry('{"dying":1}'));
    const [leasedQueued, leasedDying] = await first.inbox.lease({ limit: 2, leaseMs: 60_000 });
    await first.inbox.retry(leasedQueued!.id, leasedQueued!.token, { delayMs: 0, error: 'boom' });
    await first.inbox.deadLetter(leasedDying!.id, leasedDying!.token, { error: 'parse failed', failedEvents: ['e1'] });
    const claim = await first.dedupe.claim('wamid.1', 60_000);
    await first.dedupe.complete('wamid.1', claim!, 60_000);
    await first.conversations.recordInbound(ref, 1000);
    await first.messages.recordSent('wamid.out', ref, 1000);
    await first.messages.advanceStatus('wamid.out', 'read', 60_000);
    await first.log.append(ref, { at: 1, kind: 'message', data: { text: 'hi' } });
    await first.close();

    const second = sqliteStore({ path: dir.file() });
    const [again] = await second.inbox.lease({ limit: 5, leaseMs: 60_000 });
    expect(again).toMatchObject({
      id: queued,
      attempts: 1,
      request: { body: entry('{"queued":"\u00e9"}').request.body },
    });
    expect((await second.inbox.deadLetters()).map((d) => [d.id, d.error, d.failedEvents])).toEqual([
      [dying, 'parse failed', ['e1']],
    ]);
    expect(await second.dedupe.claim('wamid.1', 60_000)).toBeNull();
    expect((await second.conversations.get(ref))?.lastInboundAt).toBe(1000);
    expect(await second.messages.advanceStatus('wamid.out', 'delivered', 60_000)).toBe(false);
    expect(await second.messages.conversationOf('wamid.out')).toEqual(ref);
    expect((await second.log.append(ref, { at: 2, kind: 'message', data: { text: 'again' } })).entry.seq).toBe(2);
    await second.close();
  });

  it('keeps every item a killed process (kill -9) had enqueued', async () => {
    const child = startChild([dir.file(), 'enqueue', '50']);
    await child.next(); // ready
    child.child.stdin.write('go\n');
    const ids = JSON.parse(await child.next()) as string[];
    child.child.kill('SIGKILL'); // no close(), no checkpoint: only what was committed to the WAL counts
    await child.exited;
    expect(child.child.signalCode).toBe('SIGKILL');

    const store = sqliteStore({ path: dir.file() });
    const items = await store.inbox.lease({ limit: 100, leaseMs: 60_000 });
    await store.close();
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(items.map((i) => Array.from(i.request.body))).toEqual(
      ids.map((_, n) => Array.from(crashEntry(n).request.body)),
    );
  });

  it('answers with an error after close, and close twice is harmless', async () => {
    const store = sqliteStore({ path: dir.file() });
    await store.close();
    await store.close();
    await expect(store.inbox.enqueue(entry('{}'))).rejects.toThrow();
  });
});
