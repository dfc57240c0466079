// Ingest benchmark: alternating rounds of a bare HMAC+JSON node:http server and Loket's gateway (handlers take 1 s),
// each in its own child process, loaded from this process over loopback. Prints ratios, never absolute verdicts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, runLoad, type RoundResult } from './load.js';
import { signedBodies } from './payloads.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const HANDLER_MS = Number(process.env.BENCH_HANDLER_MS ?? 1000);
const KINDS = (process.env.BENCH_KINDS ?? 'bare,gateway').split(',');

async function startServer(kind: string): Promise<{ port: number; stop: () => void }> {
  const file = fileURLToPath(new URL('./server-main.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, file, kind, String(HANDLER_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

async function round(kind: string, bodies: ReturnType<typeof signedBodies>): Promise<RoundResult> {
  const server = await startServer(kind);
  try {
    await runLoad(server.port, bodies, { connections: CONNECTIONS, seconds: 1 }); // warm-up, discarded
    return await runLoad(server.port, bodies, { connections: CONNECTIONS, seconds: SECONDS });
  } finally {
    server.stop();
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
        `round ${r + 1} ${kind.padEnd(8)} ${rps.toFixed(0).padStart(7)} req/s  p99 ${percentile(res.latenciesMs, 99).toFixed(2)} ms  non-200: ${res.failures}`,
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
      `${kind.padEnd(8)} median ${rps(kind).toFixed(0)} req/s  ratio to bare ${(ratio * 100).toFixed(1)}%  p99 ack ${p99(kind).toFixed(2)} ms`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
