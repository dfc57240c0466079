// Scale benchmark: the same wrk load (distinct signed webhooks, 50 connections) through the same round-robin proxy
// process to one gateway process, then to two sharing one store (Redis, PostgreSQL; rounds alternate). After the
// load the inbox is drained; every acknowledged message must have been handled exactly once, by either process.
import { fileURLToPath } from 'node:url';
import {
  alternatingRounds,
  bodyFiles,
  type BenchChild,
  ensureWrk,
  isStoreKind,
  median,
  openStore,
  roundStore,
  runWrk,
  signedBodies,
  startChild,
  type StoreKind,
  storeAvailable,
  times,
  type WrkResult,
} from '@loket/bench-kit';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THREADS = Number(process.env.BENCH_WRK_THREADS ?? 2);
const HANDLER_MS = Number(process.env.BENCH_HANDLER_MS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 64);
const DRAIN_TIMEOUT_MS = 120_000;
const GATEWAY = fileURLToPath(new URL('./gateway-child.ts', import.meta.url));
const PROXY = fileURLToPath(new URL('./proxy.ts', import.meta.url));

interface ScaleRound extends WrkResult {
  acked: number;
  handled: number;
  lost: number;
  handledTwice: number;
  /** Acknowledged messages per second, from the first request until the inbox was drained. */
  endToEnd: number;
  handledBy: number[];
}

async function drained(spec: Parameters<typeof openStore>[0]): Promise<boolean> {
  const store = await openStore(spec);
  try {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const s = await store.inbox.stats();
      if (s.pending === 0 && s.leased === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  } finally {
    await store.close();
  }
}

async function round(kind: StoreKind, processes: number, dir: string): Promise<ScaleRound> {
  const store = await roundStore(kind);
  const gateways: BenchChild[] = [];
  let proxy: BenchChild | undefined;
  try {
    for (let i = 0; i < processes; i++) {
      gateways.push(await startChild(GATEWAY, [JSON.stringify(store.spec), String(HANDLER_MS), String(CONCURRENCY)]));
    }
    proxy = await startChild(
      PROXY,
      gateways.map((g) => String(g.port)),
    );
    const t0 = performance.now();
    const load = await runWrk(proxy.port, {
      dir,
      set: 'main',
      threads: THREADS,
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    const empty = await drained(store.spec);
    const endSeconds = (performance.now() - t0) / 1000;
    const lists = gateways.map((g) => g.next<string[]>('HANDLED'));
    await Promise.all(gateways.map((g) => g.stop(30_000)));
    const handledBy = await Promise.all(lists);
    const counts = new Map<string, number>();
    for (const id of handledBy.flat()) counts.set(id, (counts.get(id) ?? 0) + 1);
    const acked = load.completed - load.non200;
    const handledTwice = [...counts.values()].filter((n) => n > 1).length;
    if (!empty) console.log(`  the inbox was not drained within ${DRAIN_TIMEOUT_MS} ms`);
    return {
      ...load,
      acked,
      handled: counts.size,
      lost: Math.max(0, acked - counts.size),
      handledTwice,
      endToEnd: acked / endSeconds,
      handledBy: handledBy.map((l) => l.length),
    };
  } finally {
    await proxy?.stop();
    await Promise.all(gateways.map((g) => g.stop()));
    await store.cleanup();
  }
}

async function main(): Promise<void> {
  const stores: StoreKind[] = [];
  for (const kind of (process.env.BENCH_STORES ?? 'redis,postgres').split(',')) {
    if (isStoreKind(kind) && kind !== 'memory' && kind !== 'sqlite' && (await storeAvailable(kind))) stores.push(kind);
    else console.log(`scale: ${kind} skipped (not a shared store here, or its server does not answer)`);
  }
  if (stores.length === 0) return;
  ensureWrk();
  const files = bodyFiles();
  try {
    files.set('main', signedBodies(25_000 * SECONDS, { users: 1000, tag: 'scale' }), THREADS);
    const kinds = stores.flatMap((s) => [`1 × ${s}`, `2 × ${s}`]);
    const results = await alternatingRounds(kinds, ROUNDS, async (kind, r) => {
      const [count, , store] = kind.split(' ');
      const res = await round(store as StoreKind, Number(count), files.dir);
      console.log(
        `round ${r + 1} ${kind.padEnd(12)} ${res.rps.toFixed(0).padStart(6)} req/s  p99 ${res.p99Ms.toFixed(1)} ms  ` +
          `end to end ${res.endToEnd.toFixed(0)}/s  acked ${res.acked}  handled ${res.handled} (${res.handledBy.join(' + ')})  ` +
          `lost ${res.lost}  handled twice ${res.handledTwice}${res.exhausted ? '  RAN OUT OF BODIES' : ''}`,
      );
      if (res.lost > 0 || res.handledTwice > 0) process.exitCode = 1;
      return res;
    });
    const one = (kind: string) => kind.replace(/^2 /, '1 ');
    const of = (kind: string, pick: (r: ScaleRound) => number) => median(results.get(kind)!.map(pick));
    console.log(
      `\nscale: wrk -t${THREADS} -c${CONNECTIONS} through a round-robin TCP proxy process, ${ROUNDS} alternating rounds × ${SECONDS} s, ` +
        `handlers ${HANDLER_MS} ms at worker.concurrency ${CONCURRENCY}; medians`,
    );
    for (const kind of kinds) {
      console.log(
        `${kind.padEnd(12)} ack ${of(kind, (r) => r.rps)
          .toFixed(0)
          .padStart(6)} req/s  ${times(of(kind, (r) => r.rps) / of(one(kind), (r) => r.rps))}  ` +
          `p99 ${of(kind, (r) => r.p99Ms).toFixed(1)} ms  end to end ${of(kind, (r) => r.endToEnd).toFixed(0)}/s ` +
          `${times(of(kind, (r) => r.endToEnd) / of(one(kind), (r) => r.endToEnd))}  lost ${of(kind, (r) => r.lost)}  handled twice ${of(kind, (r) => r.handledTwice)}`,
      );
    }
  } finally {
    files.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
