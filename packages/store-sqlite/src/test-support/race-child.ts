// Another process for the race and crash tests: opens the store on the file named in argv, says "ready", waits for
// "go" on stdin (so two processes start together), then leases, appends or enqueues and prints what it got as JSON.
// After "enqueue" and "append-keyed" it stays alive until the test kills it (kill -9: nothing gets to close or flush the store).
import { createInterface } from 'node:readline';
import { sqliteStore } from '../sqlite-store.js';
import { crashEntry } from './temp-db.js';

const [path = '', mode = '', countArg = '0'] = process.argv.slice(2);
const store = sqliteStore({ path, busyTimeoutMs: 30_000 });
const ref = { channel: 'webchat' as const, account: 'site', user: 'race' };

async function leaseAll(_count: number): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const items = await store.inbox.lease({ limit: 1, leaseMs: 60_000 });
    const item = items[0];
    if (item === undefined) return got;
    got.push(item.id);
    await store.inbox.ack(item.id, item.token);
  }
}

async function enqueueMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(await store.inbox.enqueue(crashEntry(i)));
  return ids;
}

async function appendMany(count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += 1)
    seqs.push((await store.log.append(ref, { at: i, kind: `p${process.pid}`, data: i })).entry.seq);
  return seqs;
}

/** Appends `count` entries with the idempotency keys `crash-<i>`: the log half of "append, then enqueue". */
async function appendKeyed(count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const { entry } = await store.log.append(ref, { at: i, kind: 'message', data: { i }, key: `crash-${i}` });
    seqs.push(entry.seq);
  }
  return seqs;
}

const modes: Record<string, (count: number) => Promise<unknown>> = {
  lease: leaseAll,
  append: appendMany,
  'append-keyed': appendKeyed,
  enqueue: enqueueMany,
};
// These modes stay alive after answering, until the test kills them.
const waits = new Set(['enqueue', 'append-keyed']);

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line !== 'go') continue;
  const count = Number(countArg);
  const result = await (modes[mode] ?? enqueueMany)(count);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (!waits.has(mode)) break;
}
lines.close();
await store.close();
