// The agent side, inside a server process: messages at a steady rate, round-robin over the groups.
import { setTimeout as sleep } from 'node:timers/promises';
import { type FanoutPlan, type FanoutResult, stampText, wallNow } from './protocol.js';
import type { BenchServer } from './server.js';

/**
 * Sends `rate × seconds` agent messages on a fixed schedule (one every `1000 / rate` ms, not waiting for the
 * previous send to finish), message i to group `i mod groups`. Each text carries the wall time just before its
 * send call, which is where the client's latency starts.
 */
export async function runFanout(plan: FanoutPlan, send: BenchServer['send']): Promise<FanoutResult> {
  const count = Math.round(plan.rate * plan.seconds);
  const interval = 1000 / plan.rate;
  const started = wallNow();
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  let maxLagMs = 0;
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - wallNow();
    if (wait > 0) await sleep(wait);
    const at = wallNow();
    maxLagMs = Math.max(maxLagMs, at - due);
    const group = plan.groups[i % plan.groups.length]!;
    const sending = Promise.resolve()
      .then(() => send(group, stampText(plan.phase, i, at)))
      .catch(() => {
        failed++;
      });
    inFlight.push(sending);
  }
  await Promise.all(inFlight);
  return { sent: count - failed, failed, seconds: (wallNow() - started) / 1000, maxLagMs };
}
