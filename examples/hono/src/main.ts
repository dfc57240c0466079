// Loket in a Hono app. gateway.fetch speaks Web-standard Request/Response, so it is a Hono handler as it is; give
// it `c.req.raw` before any middleware reads the body (a body that was read cannot be verified).
import { serve } from '@hono/node-server';
import { createGateway } from '@loket/core';
import { whatsapp } from '@loket/whatsapp';
import { Hono } from 'hono';

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

const app = new Hono();
app.all('/webhooks/*', (c) => gateway.fetch(c.req.raw));
app.post('/api/echo', async (c) => c.json({ received: await c.req.json() }));

await gateway.start();
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void gateway.close().then(() => process.exit(0));
});
