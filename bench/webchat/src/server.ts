// What both server processes offer the bench, and the node:http plumbing they share.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server under test: its port, and the agent's send to one group of connections. */
export interface BenchServer {
  port: number;
  /** Sends one agent message with `text` to every connection of `group`. */
  send(group: string, text: string): void | Promise<void>;
}

/** Listens on a free loopback port with a backlog large enough for a burst of connects; answers the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return (server.address() as AddressInfo).port;
}
