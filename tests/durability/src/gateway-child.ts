// A gateway process for the durability scenarios: WhatsApp adapter, SQLite, Redis or PostgreSQL store, a slow handler that
// appends each handled event id to a file (appendFileSync: in the OS's hands before the handler returns, so a
// kill -9 of this process cannot take it back). Prints `PORT <n>`; SIGTERM closes it cleanly.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import type { ChildConfig } from './child-config.js';
import { openStore } from './open-store.js';
import { APP_SECRET } from './webhooks.js';

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;

const store = await openStore(config.store);
const gateway = createGateway({
  channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'durability', accessToken: 'durability-token' })],
  store,
  worker: { leaseMs: config.leaseMs, concurrency: config.concurrency, pollMs: config.pollMs ?? 50 },
});
gateway.on('message', async (event) => {
  await new Promise((resolve) => setTimeout(resolve, config.handlerMs));
  appendFileSync(config.handledFile, `${event.id}\n`);
});
await gateway.start();
const server = createServer({ keepAliveTimeout: 60_000 }, gateway.node);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`PORT ${address.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
