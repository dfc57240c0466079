// Child process: serves one kind of server on a free loopback port and prints the port.
import { createServer } from 'node:http';
import { openStore, type StoreSpec } from './round-store.js';
import { bareHandler } from './server-bare.js';
import { gatewayHandler } from './server-gateway.js';

const kind = process.argv[2];
const handlerMs = Number(process.argv[3] ?? 1000);
const spec = JSON.parse(process.argv[4] ?? '{"kind":"memory"}') as StoreSpec;

async function main(): Promise<void> {
  const handler = kind === 'bare' ? bareHandler : (await gatewayHandler({ handlerMs, store: openStore(spec) })).handler;
  const server = createServer({ keepAliveTimeout: 60_000 }, handler);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.stdout.write(`PORT ${address.port}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
