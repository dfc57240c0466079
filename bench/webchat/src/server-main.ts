// Child process: one server under test (argv[2]: baseline | loket), driven by the runner over IPC.
import { runFanout } from './fanout.js';
import { serveCalls } from './ipc.js';
import { memorySnapshot } from './memory.js';
import type { FanoutPlan, TargetName } from './protocol.js';
import type { BenchServer } from './server.js';
import { startBaseline } from './server-baseline.js';
import { startLoket } from './server-loket.js';

const target = process.argv[2] as TargetName;
let server: BenchServer | undefined;

serveCalls({
  async start() {
    server = target === 'loket' ? await startLoket() : await startBaseline();
    return { port: server.port };
  },
  stats: () => memorySnapshot(),
  fanout: (plan: FanoutPlan) => {
    if (!server) throw new Error('start first');
    return runFanout(plan, server.send);
  },
});
