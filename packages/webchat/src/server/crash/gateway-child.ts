// A gateway on SQLite that takes web chat messages but runs no worker, printing its URL; the parent kills it
// with SIGKILL after a message was acknowledged.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from '@loket/core';
import { sqliteStore } from '@loket/store-sqlite';
import { webchat } from '../../index.js';
import { TEST_ORIGIN, TEST_SECRET } from '../test-gateway.js';

const gateway = createGateway({
  channels: [webchat({ identitySecret: TEST_SECRET, allowedOrigins: [TEST_ORIGIN] })],
  store: sqliteStore({ path: process.argv[2] ?? '' }),
});
const server = createServer();
gateway.attach(server);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
