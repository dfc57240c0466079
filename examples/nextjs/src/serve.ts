// Serves the built app (`next build` first) on PORT, as `next start` would, and prints where it listens.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import next from 'next';

const app = next({ dev: false, dir: fileURLToPath(new URL('..', import.meta.url)) });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => void handle(req, res)).listen(
  Number(process.env.PORT ?? 3000),
  '127.0.0.1',
  () => console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
