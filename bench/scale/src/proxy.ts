// Child process: a small round-robin TCP proxy on a loopback port (connection-level, like an L4 load balancer).
// argv: the upstream ports. Each client connection is paired with a connection to the next upstream and the bytes
// are piped both ways; wrk's keep-alive connections are so spread evenly. Prints `PORT <n>`.
import { connect, createServer } from 'node:net';
import { exitWithParent, report } from '@loket/bench-kit';

exitWithParent();
const upstreams = process.argv.slice(2).map(Number);
let next = 0;
const server = createServer((client) => {
  const upstream = connect({ host: '127.0.0.1', port: upstreams[next++ % upstreams.length]!, noDelay: true });
  client.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') report('PORT', address.port);
});
process.on('SIGTERM', () => process.exit(0));
