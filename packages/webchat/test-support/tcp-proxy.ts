import { createServer, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy for half-open link tests: `blackhole()` silently stops the existing connections (no FIN, no RST). */
export interface TcpProxy {
  url: string;
  /** Connections made so far. */
  readonly connections: number;
  /** Existing connections stop carrying bytes either way, yet stay open; new connections work. */
  blackhole(): void;
  close(): Promise<void>;
}

/** Starts a proxy on port 0 in front of `target` (`http://127.0.0.1:<port>`). */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port, pathname } = new URL(target);
  const pairs = new Set<{ client: Socket; upstream: Socket; dead: boolean }>();
  const sockets = new Set<Socket>(); // every socket, dead or alive, so close() ends them all
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    const pair = { client, upstream, dead: false };
    pairs.add(pair);
    client.on('data', (d) => {
      if (!pair.dead) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!pair.dead) client.write(d);
    });
    const end = () => {
      if (pair.dead) return; // a blackholed link never tells the other side
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}${pathname === '/' ? '' : pathname}`,
    get connections() {
      return connections;
    },
    blackhole() {
      for (const p of pairs) p.dead = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
