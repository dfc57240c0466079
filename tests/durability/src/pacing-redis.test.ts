import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { deleteKeys, redisTestUrl, uniquePrefix } from '@loket/store-redis/testing';
import { describe, expect, it } from 'vitest';

const url = await redisTestUrl('durability');
const CHILD = fileURLToPath(new URL('./pacing-child.ts', import.meta.url));
const PER_GATEWAY = 200;

/** The platform: answers every send, and notes when each arrived. */
async function platform() {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.push(performance.now());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.${arrivals.length}` }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arrivals, close: () => new Promise((r) => server.close(r)) };
}

/** The most arrivals in any window of `ms`. */
function busiestWindow(arrivals: number[], ms: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] as number) - (sorted[j] as number) >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function startChild(config: Record<string, unknown>) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const waitFor = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(word) && resolve();
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        check();
      });
      child.once('exit', (code) =>
        out.includes(word) ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
      );
      check();
    });
  return { child, ready: waitFor('READY'), done: waitFor('DONE') };
}

if (url === undefined) {
  describe.skip('shared pacing on one Redis (no Redis reachable)', () => it.skip('needs a Redis server'));
} else {
  describe('two gateway processes on one Redis share the WhatsApp limits', () => {
    it('together stay under 80 msg/s per phone number (each alone would send 80/s)', async () => {
      const keyPrefix = uniquePrefix();
      const api = await platform();
      try {
        const children = ['1', '2'].map((tag) =>
          startChild({ url, keyPrefix, apiBaseUrl: api.url, tag, count: PER_GATEWAY }),
        );
        await Promise.all(children.map((c) => c.ready));
        for (const c of children) c.child.stdin?.write('go\n');
        await Promise.all(children.map((c) => c.done));
        expect(api.arrivals).toHaveLength(2 * PER_GATEWAY);
        // The limit is 80/s with a burst of 80: at most 160 in any one second (the burst plus a second's rate).
        // Unshared, two gateways would put 320 in the first second; a tenth is allowed for clock skew.
        expect(busiestWindow(api.arrivals, 1000)).toBeLessThanOrEqual(176);
      } finally {
        await api.close();
        await deleteKeys(url, keyPrefix);
      }
    });
  });
}
