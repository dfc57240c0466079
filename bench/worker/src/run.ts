// Worker benchmark: a backlog of distinct WhatsApp messages from 5,000 customers sits in the inbox; handlers wait
// 1 s (an LLM or CRM call). For each worker.concurrency, Loket's handled events/s over a fixed window, against a
// bare promise pool of the same width sleeping the same 1 s per event (the limit), measured in the same run.
// Every conversation's messages must reach the handler in the order they arrived.
import { APP_SECRET, median, type SignedBody, signedBodies, times, watchGc } from '@loket/bench-kit';
import { createGateway, memoryStore } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

const LEVELS = (process.env.BENCH_LEVELS ?? '16,256,1024,4096').split(',').map(Number);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 5000);
const HANDLER_MS = Number(process.env.BENCH_HANDLER_MS ?? 1000);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
// Enough backlog that the widest level never runs dry within the window (plus its first second).
const EVENTS = Math.max(...LEVELS) * (WINDOW_S + 2);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seqOf = (id: string) => Number.parseInt(id.slice(id.lastIndexOf('.') + 1), 36);

/** The limit: `width` lanes, each taking the next event and waiting `HANDLER_MS` on it. */
async function barePool(width: number, events: number): Promise<number> {
  let next = 0;
  let handled = 0;
  const deadline = performance.now() + WINDOW_S * 1000;
  const lane = async () => {
    while (next < events && performance.now() < deadline) {
      next += 1;
      await sleep(HANDLER_MS);
      handled += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: width }, lane));
  return handled / ((performance.now() - t0) / 1000);
}

interface LoketRound {
  perSecond: number;
  outOfOrder: number;
  handledTwice: number;
  heapMb: number;
  rssMb: number;
}

async function loket(width: number, bodies: SignedBody[]): Promise<LoketRound> {
  const store = memoryStore();
  const gateway = createGateway({
    channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'bench', accessToken: 'bench-token' })],
    store,
    worker: { concurrency: width },
  });
  const last = new Map<string, number>();
  const seen = new Set<string>();
  let outOfOrder = 0;
  let handledTwice = 0;
  let handled = 0;
  gateway.on('message', async (event) => {
    const key = event.conversation.user;
    const seq = seqOf(event.id);
    if ((last.get(key) ?? -1) > seq) outOfOrder += 1;
    last.set(key, seq);
    await sleep(HANDLER_MS);
    if (seen.has(event.id)) handledTwice += 1;
    seen.add(event.id);
    handled += 1;
  });
  const at = Date.now();
  for (const b of bodies) {
    await store.inbox.enqueue({
      channel: 'whatsapp',
      request: {
        method: 'POST',
        url: 'http://127.0.0.1/webhooks/whatsapp',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': b.signature },
        body: new TextEncoder().encode(b.body),
      },
      receivedAt: at,
    });
  }
  const gc = watchGc();
  await gateway.start();
  // The first second only fills the lanes: count from the end of it.
  await sleep(HANDLER_MS);
  const from = handled;
  const t0 = performance.now();
  await sleep(WINDOW_S * 1000);
  const perSecond = (handled - from) / ((performance.now() - t0) / 1000);
  const memory = gc();
  await gateway.close();
  return { perSecond, outOfOrder, handledTwice, heapMb: memory.heapUsedMb, rssMb: memory.rssMb };
}

async function main(): Promise<void> {
  const bodies = signedBodies(EVENTS, { users: CONVERSATIONS, tag: 'worker' });
  console.log(
    `worker: ${EVENTS} queued messages from ${CONVERSATIONS} conversations, handlers wait ${HANDLER_MS} ms, ${WINDOW_S} s window, memory store`,
  );
  const rows: string[] = [];
  let ok = true;
  for (const width of LEVELS) {
    const bare: number[] = [];
    const ours: LoketRound[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first, so neither always runs on a warmer process.
      if (r % 2 === 0) {
        bare.push(await barePool(width, EVENTS));
        ours.push(await loket(width, bodies));
      } else {
        ours.push(await loket(width, bodies));
        bare.push(await barePool(width, EVENTS));
      }
    }
    const rate = median(ours.map((o) => o.perSecond));
    const limit = median(bare);
    const last = ours.at(-1)!;
    const bad = ours.reduce((n, o) => n + o.outOfOrder + o.handledTwice, 0);
    ok &&= bad === 0;
    rows.push(
      `concurrency ${String(width).padStart(5)}  ${rate.toFixed(0).padStart(6)} handled/s  bare pool ${limit.toFixed(0).padStart(6)}/s  ${times(rate / limit).padStart(6)}  ` +
        `out of order ${last.outOfOrder}  handled twice ${last.handledTwice}  heap ${last.heapMb.toFixed(0)} MB  rss ${last.rssMb.toFixed(0)} MB`,
    );
    console.log(rows.at(-1));
  }
  if (!ok) {
    console.error('worker: a conversation was handled out of order, or an event twice (see above)');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
