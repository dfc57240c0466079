import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, type Gateway, type InboundEvent, memoryStore } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

/** A gateway that is not `loket dev`: plain node:http, one WhatsApp adapter, the events it handled. */
export interface PlainGateway {
  url: string;
  gateway: Gateway;
  events: InboundEvent[];
  close(): Promise<void>;
}

/** Middleware that runs before `gateway.node` (a body parser, for the test of one that ran first). */
export type PlainMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Starts it on a free port with this app secret and verify token (and `before` in front of the gateway). */
export async function startPlainGateway(
  appSecret: string,
  verifyToken = 'vt',
  before?: PlainMiddleware,
): Promise<PlainGateway> {
  const gateway = createGateway({
    channels: [whatsapp({ appSecret, verifyToken, accessToken: 'token', apiBaseUrl: 'http://127.0.0.1:9' })],
    store: memoryStore(),
  });
  const events: InboundEvent[] = [];
  gateway.on('*', (event) => {
    events.push(event);
  });
  await gateway.start();
  const server = createServer((req, res) =>
    before ? before(req, res, () => gateway.node(req, res)) : gateway.node(req, res),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    gateway,
    events,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await gateway.close();
    },
  };
}
