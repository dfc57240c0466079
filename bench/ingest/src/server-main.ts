// Child process: serves one kind of server on a free loopback port and prints `PORT <n>`; exits on SIGTERM or
// when the bench that started it goes away. argv: kind, handler ms, store spec (JSON), Chat SDK folder.
import { createServer, type RequestListener } from 'node:http';
import { exitWithParent, openStore, report, type StoreSpec, watchGc } from '@loket/bench-kit';
import { bareHandler } from './server-bare.js';
import { chatSdkHandler } from './server-chat-sdk.js';
import { gatewayHandler } from './server-gateway.js';

const [kind = 'bare', handlerArg = '1000', specArg = '{"kind":"memory"}', peerDir = ''] = process.argv.slice(2);
const handlerMs = Number(handlerArg);

async function handlerOf(): Promise<RequestListener> {
  if (kind === 'bare') return bareHandler;
  if (kind === 'chat-sdk') return chatSdkHandler({ dir: peerDir, handlerMs });
  return gatewayHandler({ handlerMs, store: await openStore(JSON.parse(specArg) as StoreSpec) });
}

exitWithParent();
const gcStats = watchGc();
let requests = 0;
const server = createServer({ keepAliveTimeout: 60_000 }, await handlerOf());
server.on('request', () => {
  requests += 1;
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') report('PORT', address.port);
});
process.on('SIGTERM', () => {
  report('MEMORY', { ...gcStats(), requests });
  process.exit(0);
});
