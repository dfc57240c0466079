import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describeParserFirst, type ServedApp } from '@loket/example-framework-kit';
import { Hono } from 'hono';

describeParserFirst({
  title: 'a middleware that read c.req.json() before gateway.fetch: 500 that says not to read it first',
  framework: 'fetch',
  fix: 'in Hono do not call c.req.json(), c.req.text() or a validator before gateway.fetch(c.req.raw)',
  serve: (gateway) => {
    const app = new Hono();
    app.use('/webhooks/*', async (c, next) => {
      await c.req.json(); // e.g. a logging or validation middleware
      await next();
    });
    app.all('/webhooks/*', (c) => gateway.fetch(c.req.raw));
    return new Promise<ServedApp>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve({
          origin: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        }),
      );
    });
  },
});
