// Loket in an Express 4 app whose JSON parser must run first (a global middleware you cannot move): keep the raw
// bytes with body-parser's `verify` hook as `req.rawBody`, and gateway.node verifies the signature over them.
import type { AddressInfo } from 'node:net';
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import express from 'express';

const gateway = createGateway({
  channels: [
    whatsapp({
      appSecret: process.env.WHATSAPP_APP_SECRET ?? '',
      verifyToken: process.env.WHATSAPP_VERIFY_TOKEN ?? '',
      accessToken: process.env.WHATSAPP_ACCESS_TOKEN ?? '',
      apiBaseUrl: process.env.WHATSAPP_API_BASE_URL, // unset: graph.facebook.com
    }),
  ],
});
gateway.on('message', async (event, ctx) => {
  if (event.content.type === 'text') await ctx.reply({ type: 'text', text: `You said: ${event.content.text}` });
});

const app = express();
app.use(
  express.json({
    verify: (req, _res, bytes) => {
      (req as typeof req & { rawBody?: Buffer }).rawBody = bytes; // the signed bytes, exactly as received
    },
  }),
);
app.use(gateway.node); // it hands every path that is not one of its routes on to the rest of the app (`next()`)
app.post('/api/echo', (req, res) => {
  res.json({ received: req.body });
});

await gateway.start();
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway.close().then(() => process.exit(0));
});
