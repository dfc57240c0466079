import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A throwaway `redis-server` child process (no persistence) for tests of a Redis that goes away. */
export interface TestRedisServer {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** SIGKILL, and waits until the process is gone (its port then refuses connections). */
  kill(): Promise<void>;
}

/** A TCP port that nothing listens on (the OS handed it out and it was closed again). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts `redis-server --port <port> --save ''` (a free port unless given, so a test can start it again on the
 * same one) and resolves once it accepts connections. Needs `redis-server` on the PATH.
 *
 * @example
 * const redis = await startTestRedis();
 * const store = redisStore({ url: redis.url });
 * await redis.kill(); // the store's calls now fail with NETWORK
 */
export async function startTestRedis(port?: number): Promise<TestRedisServer> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit');
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`redis-server on port ${chosen} exited: ${out.slice(-500)}`)), reject);
  });
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
