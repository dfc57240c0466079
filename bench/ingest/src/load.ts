import { Pool } from 'undici';
import type { SignedBody } from './payloads.js';

/** What one load round measured. */
export interface RoundResult {
  requests: number;
  failures: number;
  seconds: number;
  latenciesMs: number[];
}

/** Sends signed webhooks over `connections` keep-alive connections for `seconds`, one request per connection at a time. */
export async function runLoad(port: number, bodies: SignedBody[], options: { connections: number; seconds: number }) {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: options.connections, pipelining: 1 });
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const item = bodies[next++ % bodies.length]!;
      const t0 = performance.now();
      const res = await pool.request({
        method: 'POST',
        path: '/webhooks/whatsapp',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': item.signature },
        body: item.body,
      });
      await res.body.dump();
      latenciesMs.push(performance.now() - t0);
      if (res.statusCode !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { requests: latenciesMs.length, failures, seconds, latenciesMs } satisfies RoundResult;
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
