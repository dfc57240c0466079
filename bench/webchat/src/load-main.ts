// Child process: the load generator. Holds the connections of one target and measures what reaches them.
import WebSocket from 'ws';
import { serveCalls } from './ipc.js';
import { latencyRecorder } from './latency.js';
import { prepareGroups } from './load-groups.js';
import { type HeldSockets, openSockets } from './load-sockets.js';
import type { ConnectPlan, ConnectResult, LatencyReport } from './protocol.js';
import { percentile } from '@loket/bench-kit';

const recorder = latencyRecorder();
let held: HeldSockets | undefined;
let groupCount = 0;

serveCalls({
  async connect(plan: ConnectPlan): Promise<ConnectResult> {
    const started = performance.now();
    groupCount = Math.ceil(plan.connections / plan.tabs);
    const groups = await prepareGroups(plan.target, plan.url, groupCount);
    held = await openSockets(groups, plan.connections, plan.tabs, recorder.onText);
    return {
      held: held.sockets.length,
      failed: held.failed,
      ...(held.firstError === undefined ? {} : { firstError: held.firstError }),
      seconds: (performance.now() - started) / 1000,
      groups: groups.map((g) => g.key),
    };
  },
  record: () => recorder.start(),
  /** `sent`: measured messages the server sent; message i went to group i mod groups. */
  report({ sent }: { sent: number }): LatencyReport {
    const sockets = held?.sockets ?? [];
    const perGroup = new Array<number>(groupCount).fill(0);
    for (const g of held?.groupOf ?? []) perGroup[g]!++;
    let expected = 0;
    for (let i = 0; i < sent; i++) expected += perGroup[i % groupCount]!;
    return {
      received: recorder.samples.length,
      expected,
      p50: percentile(recorder.samples, 50),
      p99: percentile(recorder.samples, 99),
      max: recorder.samples.length === 0 ? Number.NaN : Math.max(...recorder.samples),
      held: sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length,
    };
  },
});
