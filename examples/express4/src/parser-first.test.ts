import type { AddressInfo } from 'node:net';
import { describeParserFirst, type ServedApp } from '@loket/example-framework-kit';
import express from 'express';

describeParserFirst({
  title: 'express.json() without a verify hook before gateway.node: 500 that says how to keep the bytes',
  framework: 'express',
  fix: 'express.json({ verify: (req, _res, bytes) => { req.rawBody = bytes } })',
  serve: (gateway) =>
    new Promise<ServedApp>((resolve) => {
      const server = express()
        .use(express.json())
        .use(gateway.node)
        .listen(0, '127.0.0.1', () =>
          resolve({
            origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
            close: () => new Promise((done) => server.close(() => done())),
          }),
        );
    }),
});
