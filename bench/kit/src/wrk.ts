import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FEED = fileURLToPath(new URL('./feed.lua', import.meta.url));

/** What one wrk run measured (latencies in ms). */
export interface WrkResult {
  completed: number;
  seconds: number;
  rps: number;
  /** Responses other than 200. */
  non200: number;
  socketErrors: number;
  /** True when a thread ran out of distinct bodies before the time was up (the run was shorter). */
  exhausted: boolean;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Options of {@link runWrk}. */
export interface WrkOptions {
  /** The folder of the body files and the set to send (see `bodyFiles`). */
  dir: string;
  set: string;
  threads: number;
  connections: number;
  seconds: number;
  /** Default `/webhooks/whatsapp`. */
  path?: string;
}

/** wrk's path, installing it with apt-get when it is missing (the bench's only system dependency). */
export function ensureWrk(): string {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.log('wrk is missing: installing it with apt-get install -y wrk');
  const apt = ['apt-get', 'install', '-y', 'wrk'];
  const [cmd, ...args] = process.getuid?.() === 0 ? apt : ['sudo', ...apt];
  execFileSync(cmd!, args, { stdio: 'inherit' });
  return spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
}

/** Runs wrk (its own process) against a loopback port with the feeding script, and reads its result line. */
export function runWrk(port: number, options: WrkOptions): Promise<WrkResult> {
  const wrk = ensureWrk();
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    FEED,
    `http://127.0.0.1:${port}`,
    '--',
    options.dir,
    options.set,
    options.path ?? '/webhooks/whatsapp',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /WRK_RESULT (\{.*\})/.exec(out);
      if (code !== 0 || !m) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      const r = JSON.parse(m[1]!) as Record<string, number>;
      const seconds = r.durationUs! / 1e6;
      resolve({
        completed: r.completed!,
        seconds,
        rps: r.completed! / seconds,
        non200: r.non200!,
        socketErrors: r.socketErrors!,
        exhausted: r.exhausted! > 0,
        p50Ms: r.p50Us! / 1000,
        p90Ms: r.p90Us! / 1000,
        p99Ms: r.p99Us! / 1000,
        maxMs: r.maxUs! / 1000,
      });
    });
  });
}
