// Ingest benchmark: alternating rounds of a bare HMAC+JSON node:http server and Loket's gateway (handlers take 1 s)
// on the memory, SQLite (`gateway-sqlite`) or Redis (`gateway-redis`) store, each in its own child process, loaded
// from this process over loopback. Prints ratios, never absolute verdicts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, runLoad, type RoundResult } from './load.js';
import { signedBodies } from './payloads.js';
import { roundStore, type StoreSpec } from './round-store.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const HANDLER_MS = Number(process.env.BENCH_HANDLER_MS ?? 1000);
const KINDS = (process.env.BENCH_KINDS ?? 'bare,gateway').split(',');

async function startServer(
  kind: string,
  spec: StoreSpec | undefined,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const file = fileURLToPath(new URL('./server-main.ts', import.meta.url));
  const args = [file, kind, String(HANDLER_MS), JSON.stringify(spec ?? { kind: 'memory' })];
  const child = spawn(process.execPath, [...process.execArgv, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function round(kind: string, bodies: ReturnType<typeof signedBodies>): Promise<RoundResult> {
  // A fresh SQLite file or Redis key prefix per round, removed after it.
  const { spec, cleanup } = roundStore(kind);
  try {
    const server = await startServer(kind, spec);
    try {
      await runLoad(server.port, bodies, { connections: CONNECTIONS, seconds: 1 }); // warm-up, discarded
      return await runLoad(server.port, bodies, { connections: CONNECTIONS, seconds: SECONDS });
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

async function main(): Promise<void> {
  const bodies = signedBodies(20_000);
  const results = new Map<string, RoundResult[]>(KINDS.map((k) => [k, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const kind of r % 2 === 0 ? KINDS : [...KINDS].reverse()) {
      const res = await round(kind, bodies);
      results.get(kind)!.push(res);
      const rps = res.requests / res.seconds;
      console.log(
        `round ${r + 1} ${kind.padEnd(14)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${percentile(res.latenciesMs, 99).toFixed(2)} ms  non-200: ${res.failures}`,
      );
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rps = (kind: string) => median(results.get(kind)!.map((r) => r.requests / r.seconds));
  const p99 = (kind: string) =>
    percentile(
      results.get(kind)!.flatMap((r) => r.latenciesMs),
      99,
    );
  console.log(`\nconnections ${CONNECTIONS}, ${ROUNDS} rounds × ${SECONDS} s, handlers take ${HANDLER_MS} ms`);
  for (const kind of KINDS) {
    const ratio = rps(kind) / rps('bare');
    console.log(
      `${kind.padEnd(14)} median ${rps(kind).toFixed(0)} req/s  ratio to bare ${(ratio * 100).toFixed(1)}%  p99 ack ${p99(kind).toFixed(2)} ms`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
