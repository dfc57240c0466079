// Loket's side: the gateway with the webchat channel on a node:http server, on the memory store.
import { createServer } from 'node:http';
import { createGateway, memoryStore } from '@loket/core';
import { memoryBlobStore, webchat } from '@loket/webchat';
import { ORIGIN, SITE_ID } from './protocol.js';
import { type BenchServer, listen } from './server.js';

/** The identity secret of the bench site (no tokens are signed: every visitor is anonymous). */
const IDENTITY_SECRET = 'bench-identity-secret-0123456789';

/**
 * Starts `createGateway` with `webchat({ identitySecret, allowedOrigins })` (default limits, except new sessions per
 * IP: the load generator mints them all from 127.0.0.1), attached to a node:http server, worker started. `send` is
 * `gateway.send` of a text to the conversation of contact `group`: every tab holding its stream receives it.
 */
export async function startLoket(): Promise<BenchServer> {
  const gateway = createGateway({
    channels: [
      webchat({
        identitySecret: IDENTITY_SECRET,
        allowedOrigins: [ORIGIN],
        siteId: SITE_ID,
        limits: { sessionsPerMinute: 1_000_000 },
        storage: memoryBlobStore(),
      }),
    ],
    store: memoryStore(),
  });
  const server = createServer();
  gateway.attach(server);
  await gateway.start();
  const port = await listen(server);
  return {
    port,
    async send(group, text) {
      await gateway.send({
        to: { channel: 'webchat', account: SITE_ID, user: group },
        content: { type: 'text', text },
      });
    },
  };
}
