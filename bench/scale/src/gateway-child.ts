// Child process: a gateway on the Redis store of argv[2] (JSON spec), handlers that take argv[3] ms and remember
// each event id. Prints `PORT <n>`; on SIGTERM it closes (draining in-flight work) and prints `HANDLED [ids]`.
import { createServer } from 'node:http';
import { APP_SECRET, exitWithParent, openStore, report, type StoreSpec } from '@loket/bench-kit';
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';

exitWithParent();
const store = await openStore(JSON.parse(process.argv[2]!) as StoreSpec);
const handlerMs = Number(process.argv[3] ?? 5);
const concurrency = Number(process.argv[4] ?? 64);
const handled: string[] = [];
const gateway = createGateway({
  channels: [whatsapp({ appSecret: APP_SECRET, verifyToken: 'bench', accessToken: 'bench-token' })],
  store,
  worker: { concurrency, pollMs: 50 },
});
gateway.on('message', async (event) => {
  await new Promise((resolve) => setTimeout(resolve, handlerMs));
  handled.push(event.id);
});
await gateway.start();
const server = createServer({ keepAliveTimeout: 60_000 }, gateway.node);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') report('PORT', address.port);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway
    .close()
    .then(() => store.close())
    .catch((err: unknown) => console.error('gateway-child: closing failed', err))
    .finally(() => {
      // What was handled is reported even when closing failed: the parent counts lost and doubled events from it.
      // Exit once the (long) line is written: exiting right after the write could cut it off.
      process.stdout.write(`HANDLED ${JSON.stringify(handled)}\n`, () => process.exit(0));
    });
});
