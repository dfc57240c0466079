// Ingest benchmark: wrk (its own process) sends distinct pre-signed WhatsApp webhooks at 50 connections to one
// server process at a time: the bare node:http verify+parse limit, Loket's gateway on each store (handlers take
// 1 s, so the inbox backlog grows all round), and the Chat SDK peer. Rounds alternate their order; medians and
// ratios against the bare server of the same run are printed.
import { fileURLToPath } from 'node:url';
import {
  alternatingRounds,
  bodyFiles,
  ensureWrk,
  type GcStats,
  isStoreKind,
  median,
  roundStore,
  runWrk,
  signedBodies,
  startChild,
  storeAvailable,
  times,
  type WrkResult,
} from '@loket/bench-kit';
import { chatSdkVersion, installChatSdk } from './chat-sdk-peer.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const THREADS = Number(process.env.BENCH_WRK_THREADS ?? 2);
const HANDLER_MS = Number(process.env.BENCH_HANDLER_MS ?? 1000);
const USERS = Number(process.env.BENCH_USERS ?? 1000);
const KINDS = (process.env.BENCH_KINDS ?? 'bare,memory,sqlite,redis,postgres,chat-sdk').split(',');
/** Extra node flags for the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a round. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const SERVER = fileURLToPath(new URL('./server-main.ts', import.meta.url));

interface Round extends WrkResult {
  gc: GcStats & { requests: number };
}

async function round(kind: string, dir: string, peerDir: string): Promise<Round> {
  const store = isStoreKind(kind) ? await roundStore(kind) : undefined;
  try {
    const spec = JSON.stringify(store?.spec ?? { kind: 'memory' });
    const server = await startChild(SERVER, [kind, String(HANDLER_MS), spec, peerDir], { nodeArgs: SERVER_NODE_ARGS });
    try {
      await runWrk(server.port, { dir, set: 'warm', threads: THREADS, connections: CONNECTIONS, seconds: 1 });
      const result = await runWrk(server.port, {
        dir,
        set: 'main',
        threads: THREADS,
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      const gc = server.next<GcStats & { requests: number }>('MEMORY');
      await server.stop();
      return { ...result, gc: await gc };
    } finally {
      await server.stop();
    }
  } finally {
    await store?.cleanup();
  }
}

async function availableKinds(): Promise<{ kinds: string[]; peerDir: string; peer?: string }> {
  const kinds: string[] = [];
  let peerDir = '';
  let peer: string | undefined;
  for (const kind of KINDS) {
    if (kind === 'chat-sdk') {
      const dir = installChatSdk();
      if (!dir) continue;
      peerDir = dir;
      peer = `Chat SDK ${chatSdkVersion(dir)}`;
    } else if (isStoreKind(kind) && !(await storeAvailable(kind))) {
      console.log(`${kind}: skipped, its service does not answer`);
      continue;
    } else if (kind !== 'bare' && !isStoreKind(kind)) {
      console.log(`${kind}: skipped, not a kind of this bench (bare, memory, sqlite, redis, postgres, chat-sdk)`);
      continue;
    }
    kinds.push(kind);
  }
  if (!kinds.includes('bare')) kinds.unshift('bare');
  return { kinds, peerDir, peer };
}

const line = (label: string, rps: number, ratio: string, p99: number, extra: string) =>
  `${label.padEnd(10)} ${rps.toFixed(0).padStart(7)} req/s  ${ratio.padStart(7)}  p99 ${p99.toFixed(1).padStart(6)} ms  ${extra}`;

async function main(): Promise<void> {
  ensureWrk();
  const { kinds, peerDir, peer } = await availableKinds();
  const files = bodyFiles();
  try {
    // Enough distinct bodies that no thread runs dry: bare serves ~39k req/s here, so plan for 60k.
    files.set('warm', signedBodies(60_000, { users: USERS, tag: 'warm' }), THREADS);
    files.set('main', signedBodies(60_000 * SECONDS, { users: USERS, tag: 'main' }), THREADS);
    const results = await alternatingRounds(kinds, ROUNDS, async (kind, r) => {
      const res = await round(kind, files.dir, peerDir);
      const flags = `${res.non200 ? ` non-200: ${res.non200}` : ''}${res.socketErrors ? ` socket errors: ${res.socketErrors}` : ''}${res.exhausted ? ' RAN OUT OF BODIES' : ''}`;
      console.log(
        `round ${r + 1} ${line(kind, res.rps, '', res.p99Ms, `cpu ${((1000 * res.gc.cpuMs) / res.gc.requests).toFixed(0)} µs/req  heap ${res.gc.heapUsedMb.toFixed(0)} MB  GC ${res.gc.gcMs.toFixed(0)} ms (major ${res.gc.majorCount}× ${res.gc.majorMs.toFixed(0)} ms)${flags}`)}`,
      );
      return res;
    });
    const rps = (kind: string) => median(results.get(kind)!.map((r) => r.rps));
    const p99 = (kind: string) => median(results.get(kind)!.map((r) => r.p99Ms));
    console.log(
      `\ningest: wrk -t${THREADS} -c${CONNECTIONS}, ${ROUNDS} alternating rounds × ${SECONDS} s, distinct signed bodies from ${USERS} customers, handlers take ${HANDLER_MS} ms; medians`,
    );
    console.log(`${'kind'.padEnd(10)} ${'median'.padStart(13)}  ${'× bare'.padStart(7)}  p99 ack (median of rounds)`);
    for (const kind of kinds) {
      const peerRatio =
        kinds.includes('chat-sdk') && kind !== 'chat-sdk' && kind !== 'bare'
          ? `  ${times(rps(kind) / rps('chat-sdk'))} ${peer}`
          : '';
      console.log(line(kind, rps(kind), times(rps(kind) / rps('bare')), p99(kind), peerRatio.trim()));
    }
  } finally {
    files.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
