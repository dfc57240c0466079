// One target's measurement: its server process, a fresh load-generator process, and the sequence between them.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { forkChild } from './ipc.js';
import type { BenchOptions } from './options.js';
import type { ConnectResult, FanoutPlan, FanoutResult, LatencyReport, MemorySnapshot, TargetName } from './protocol.js';

/** Everything measured on one target. */
export interface TargetResult {
  target: TargetName;
  connect: Omit<ConnectResult, 'groups'>;
  /** The server before any connection (and, on Loket, before any session), and with all connections held. */
  idle: MemorySnapshot;
  loaded: MemorySnapshot;
  fanout: FanoutResult;
  latency: LatencyReport;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
// After the last send: time for the last frames to arrive before the client reports.
const DRAIN_MS = 2000;

/**
 * Starts `target`'s server (its own process, `--expose-gc` so its memory is measured after a GC), the load
 * generator opens and holds the connections, the server's memory is read again, then a warm-up and the measured
 * steady-rate fan-out run and the load generator reports the latencies. `log` hears progress.
 */
export async function measureTarget(
  target: TargetName,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<TargetResult> {
  const server = forkChild(here('./server-main.ts'), [target], ['--expose-gc']);
  const load = forkChild(here('./load-main.ts'));
  try {
    const { port } = await server.call<{ port: number }>('start');
    await sleep(500);
    const idle = await server.call<MemorySnapshot>('stats');
    log(`${target}: opening ${options.connections} connections (${options.tabs} per conversation)`);
    const { groups, ...connect } = await load.call<ConnectResult>('connect', {
      target,
      url: `http://127.0.0.1:${port}`,
      connections: options.connections,
      tabs: options.tabs,
    });
    log(`${target}: ${connect.held} held, ${connect.failed} failed in ${connect.seconds.toFixed(1)} s`);
    if (connect.firstError) log(`${target}: first failure: ${connect.firstError}`);
    await sleep(1000);
    const loaded = await server.call<MemorySnapshot>('stats');
    const plan = (phase: FanoutPlan['phase'], seconds: number): FanoutPlan => ({
      rate: options.rate,
      seconds,
      phase,
      groups,
    });
    await server.call<FanoutResult>('fanout', plan('w', options.warmup));
    await sleep(500);
    await load.call('record');
    log(`${target}: ${options.rate} agent messages/s for ${options.seconds} s`);
    const fanout = await server.call<FanoutResult>('fanout', plan('m', options.seconds));
    await sleep(DRAIN_MS);
    const latency = await load.call<LatencyReport>('report', { sent: fanout.sent });
    return { target, connect, idle, loaded, fanout, latency };
  } finally {
    await load.stop();
    await server.stop();
  }
}
