// Loket in an Express 5 app. Mount gateway.node before any body parser: it verifies signatures over the raw bytes,
// and it hands every path that is not one of its routes on to the rest of the app (`next()`).
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
app.use(gateway.node); // not app.all('/webhooks/*', …): Express 5's router refuses a bare `*`
app.use(express.json()); // the rest of the app parses JSON as usual
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
