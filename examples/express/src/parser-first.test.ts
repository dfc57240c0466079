import type { AddressInfo } from 'node:net';
import { describeParserFirst, postSignedWhatsApp, quietGateway, type ServedApp } from '@loket/example-framework-kit';
import type { Gateway } from '@loket/core';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';

/** Listens on a free port. */
function listen(app: express.Express): Promise<ServedApp> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

describeParserFirst({
  title: 'express.json() mounted before gateway.node: 500 that says to mount gateway.node first',
  framework: 'express',
  fix: 'mount app.use(gateway.node) before express.json()',
  serve: (gateway) => listen(express().use(express.json()).use(gateway.node)),
});

describe('express.json() with a verify hook that keeps req.rawBody', () => {
  let gateway: Gateway | undefined;
  let app: ServedApp | undefined;
  afterEach(async () => {
    await app?.close();
    await gateway?.close();
  });

  it('verifies the kept bytes: the signed webhook is accepted and stored', async () => {
    gateway = quietGateway();
    const keepRaw = express.json({
      verify: (req, _res, bytes) => {
        (req as typeof req & { rawBody?: Buffer }).rawBody = bytes;
      },
    });
    app = await listen(express().use(keepRaw).use(gateway.node));
    expect((await postSignedWhatsApp(app.origin)).status).toBe(200);
    expect(await gateway.store.inbox.stats()).toMatchObject({ pending: 1 });
  });
});
